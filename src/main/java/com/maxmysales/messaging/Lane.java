package com.maxmysales.messaging;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Which of a number's waiting messages goes first. The outbox sends a number's due messages lane by lane, so a
 * campaign's backlog delays a reply by one send slot of the number at most; a lower lane gets the slots the
 * higher ones leave, which at a number's full rate may be none for a while.
 */
public enum Lane {
    /** A person answering a customer in their conversation. */
    CONVERSATION,
    /** The chatbot answering a customer. */
    BOT,
    /** A lead's follow-up, a verification code, a notification about what the customer asked for. */
    FOLLOW_UP,
    /** A broadcast. */
    CAMPAIGN;

    /** 0 for the first lane: the order the outbox claims in, and what is stored. */
    public int rank() {
        return ordinal();
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean before(Lane other) {
        return rank() < other.rank();
    }

    public static Optional<Lane> fromCode(String code) {
        return Arrays.stream(values()).filter(lane -> lane.code().equals(code)).findFirst();
    }

    static Lane ofRank(Integer rank) {
        return rank == null ? null : values()[rank];
    }
}
