package com.maxmysales.contacts;

import java.util.Arrays;
import java.util.Locale;

/** Why a business contacts a person; consent is given and withdrawn per purpose (P6). */
public enum Purpose {
    /** Promotions, offers, newsletters: needs the contact's recorded consent. */
    MARKETING,
    /** Answers to the customer and utility messages about what they asked for (orders, appointments). */
    SERVICE,
    /** Contacting someone who submitted a lead form, about that lead only (P2). */
    LEAD_FOLLOW_UP;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException for an unknown code, with the known ones in the message */
    public static Purpose fromCode(String code) {
        return Arrays.stream(values()).filter(purpose -> purpose.code().equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("purpose must be one of marketing, service, lead_follow_up"));
    }

    /** What a STOP, an email "Unsubscribe" or a withdrawal of all business-initiated messaging withdraws. */
    public static final java.util.List<Purpose> BUSINESS_INITIATED = java.util.List.of(MARKETING, LEAD_FOLLOW_UP);
}
