package com.maxmysales.inbox;

import java.util.Locale;
import java.util.Optional;

/** Where a conversation stands for the team. */
public enum InboxStatus {
    /** Waiting for an answer from the team. */
    OPEN,
    /** The team waits for the customer or someone else; a message from the customer opens it again. */
    PENDING,
    /** Done: the conversation ended, which starts its content's retention clock. */
    RESOLVED,
    /** Out of the way until a time; it opens again then, or as soon as the customer writes. */
    SNOOZED;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<InboxStatus> fromCode(String code) {
        for (var status : values()) {
            if (status.code().equals(code)) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }
}
