package com.maxmysales.whatsapp;

import org.jspecify.annotations.Nullable;

/**
 * JSON string literals written straight into a text, as RFC 8259 requires them escaped: the few strings around a
 * Graph message's prepared payload, a thousand times a second under a broadcast, where a mapper's generator per
 * value cost more than the rest of the body.
 */
final class JsonStrings {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private JsonStrings() {
    }

    /** Appends {@code value} as a quoted JSON string ({@code null} for null) and returns {@code out}. */
    static StringBuilder append(StringBuilder out, @Nullable String value) {
        if (value == null) {
            return out.append("null");
        }
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            var c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20) {
                        out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"');
    }
}
