package com.maxmysales.contacts;

import java.util.Locale;

public enum ConsentStatus {
    GRANTED, WITHDRAWN;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ConsentStatus fromCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
