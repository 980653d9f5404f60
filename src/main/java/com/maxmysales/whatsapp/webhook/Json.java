package com.maxmysales.whatsapp.webhook;

import java.time.Instant;

import tools.jackson.databind.JsonNode;

/** Lenient reads of Meta's JSON: ids may come as strings or numbers, timestamps as strings of seconds. */
final class Json {

    private Json() {
    }

    static String text(JsonNode node, String field) {
        var value = node.get(field);
        return value == null || value.isNull() || value.isContainer() ? null : value.asString();
    }

    static Instant epochSeconds(JsonNode value) {
        if (value == null || value.isMissingNode() || value.isNull()) {
            return null;
        }
        try {
            return Instant.ofEpochSecond(Long.parseLong(value.asString().strip()));
        } catch (NumberFormatException notSeconds) {
            return null;
        }
    }
}
