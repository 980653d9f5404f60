package com.maxmysales.privacy.masking;

import java.util.Map;

/**
 * An inbound message after masking.
 *
 * @param text what a person reads of it, masked
 * @param payload the message's JSON with its text-bearing fields masked
 * @param masked identifiers masked in the text, by kind: what the report counts
 */
public record MaskedMessage(String text, String payload, Map<SensitiveKind, Integer> masked) {

    public MaskedMessage {
        masked = Map.copyOf(masked);
    }
}
