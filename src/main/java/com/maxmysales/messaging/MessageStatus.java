package com.maxmysales.messaging;

import java.util.Locale;

import com.maxmysales.whatsapp.DeliveryStatus;

/**
 * A message's place in its life. Outbound ones only move forward (statuses arrive out of order and twice);
 * {@code failed} ends a message that was not yet delivered, except a failure for an unknown outcome
 * ({@link com.maxmysales.whatsapp.LocalFailure#UNKNOWN_OUTCOME}), which a later status from Meta corrects.
 */
public enum MessageStatus {
    RECEIVED(0), QUEUED(0), SENDING(0), SENT(1), DELIVERED(2), READ(3), PLAYED(4), FAILED(5);

    private final int rank;

    MessageStatus(int rank) {
        this.rank = rank;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static MessageStatus fromCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }

    static MessageStatus of(DeliveryStatus status) {
        return valueOf(status.name());
    }

    /** The statuses from which Meta's {@code status} may move a message, so no update ever goes backwards. */
    java.util.List<String> predecessors() {
        if (this == FAILED) {
            return java.util.List.of("queued", "sending", "sent");
        }
        return java.util.Arrays.stream(values())
                .filter(other -> other != FAILED && other != RECEIVED && other.rank < rank)
                .map(MessageStatus::code)
                .toList();
    }

    /** How the API names it: a send still on its way to Meta is {@code queued}. */
    public String apiCode() {
        return this == SENDING ? "queued" : code();
    }
}
