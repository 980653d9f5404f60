package com.maxmysales.contacts;

import java.util.Arrays;
import java.util.Locale;

/** How a grant or withdrawal reached us; the ledger keeps it as part of the proof. */
public enum ConsentSource {
    IMPORT, WHATSAPP_KEYWORD, WHATSAPP_SENTENCE, BUTTON, META_USER_PREFERENCES, ERROR_131050, EMAIL, API, WEB_FORM, LEAD_FORM, AGENT;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ConsentSource fromCode(String code) {
        return Arrays.stream(values()).filter(source -> source.code().equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown consent source " + code));
    }
}
