package com.maxmysales.privacy.masking;

import java.util.Locale;

import org.springframework.modulith.NamedInterface;

/** The kinds of sensitive data masked in inbound text (P1): financial identifiers and health terms. */
@NamedInterface("masking")
public enum SensitiveKind {
    CARD_NUMBER,
    AADHAAR,
    PAN,
    BANK_ACCOUNT,
    UPI_ID,
    HEALTH_TERM;

    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static SensitiveKind fromCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
