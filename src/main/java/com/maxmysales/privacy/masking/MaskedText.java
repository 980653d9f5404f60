package com.maxmysales.privacy.masking;

import java.util.Map;

/**
 * Text after masking, with how many identifiers of each kind were masked in it (never what they were).
 *
 * @param text the text with each identifier replaced, keeping its shape: {@code XXXX XXXX XXXX 1234}
 */
public record MaskedText(String text, Map<SensitiveKind, Integer> masked) {

    public MaskedText {
        masked = Map.copyOf(masked);
    }

    public boolean changed() {
        return !masked.isEmpty();
    }
}
