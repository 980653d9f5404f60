package com.maxmysales.optout;

import java.util.Optional;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a customer's WhatsApp message asks for: a quick-reply button whose payload is configured as
 * "unsubscribe", then a whole-message keyword (STOP, START and the workspace's words), then a sentence.
 */
final class OptOutDetector {

    private OptOutDetector() {
    }

    /**
     * @param type Meta's message type
     * @param payload the type's object as JSON ({@code button.payload}, {@code interactive.button_reply.id})
     */
    static Optional<Intent> detect(KeywordSet keywords, String type, String text, String payload, JsonMapper json) {
        var buttonPayload = buttonPayload(type, payload, json);
        if (buttonPayload != null && keywords.isUnsubscribeButton(buttonPayload)) {
            return Optional.of(Intent.stop("button", buttonPayload, "en"));
        }
        if (text == null || !("text".equals(type) || "button".equals(type) || "interactive".equals(type))) {
            return Optional.empty();
        }
        var normalized = Wording.normalize(text);
        return keywords.match(normalized).or(() -> PhraseDetector.detect(normalized));
    }

    private static String buttonPayload(String type, String payload, JsonMapper json) {
        // Parsed only for the two types that carry a button: every text message has a payload too.
        if (payload == null || !("button".equals(type) || "interactive".equals(type))) {
            return null;
        }
        JsonNode content;
        try {
            content = json.readTree(payload);
        } catch (RuntimeException notJson) {
            return null;
        }
        if ("button".equals(type)) {
            return content.path("payload").asString(null);
        }
        if ("interactive".equals(type)) {
            return content.path("button_reply").path("id").asString(null);
        }
        return null;
    }
}
