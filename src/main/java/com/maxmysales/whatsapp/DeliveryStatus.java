package com.maxmysales.whatsapp;

import java.util.Locale;
import java.util.Optional;

/** Where an outbound message is, in the order statuses may only move (failed ends it from anywhere). */
public enum DeliveryStatus {
    SENT, DELIVERED, READ, PLAYED, FAILED;

    public static Optional<DeliveryStatus> fromMeta(String value) {
        try {
            return Optional.of(valueOf(value.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException | NullPointerException unknown) {
            return Optional.empty();
        }
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
