package com.maxmysales.campaigns;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * A recipient's place: {@code pending} until fed, {@code queued} in the outbox, then its message's statuses;
 * {@code excluded} at the snapshot with a reason, {@code withdrawn} when the campaign was cancelled or the person
 * opted out before it went.
 */
public enum RecipientStatus {
    PENDING, QUEUED, SENT, DELIVERED, READ, FAILED, EXCLUDED, WITHDRAWN;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<RecipientStatus> fromCode(String code) {
        return Arrays.stream(values()).filter(status -> status.code().equals(code)).findFirst();
    }
}
