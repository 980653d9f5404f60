package com.maxmysales.whatsapp.webhook;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonToken;
import tools.jackson.core.json.JsonFactory;

/**
 * A streaming well-formedness check: far cheaper than building a tree on the webhook's hot path. A body
 * beyond Jackson's read constraints (nested deeper than 500, say) is not JSON either: the processor could
 * never read it, so it must not be stored.
 */
final class JsonCheck {

    private static final JsonFactory FACTORY = new JsonFactory();

    private JsonCheck() {
    }

    static boolean isJsonObject(byte[] body) {
        try (var parser = FACTORY.createParser(tools.jackson.core.ObjectReadContext.empty(), body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return false;
            }
            parser.skipChildren();
            return parser.nextToken() == null;
        } catch (JacksonException malformedOrBeyondLimits) {
            return false;
        }
    }
}
