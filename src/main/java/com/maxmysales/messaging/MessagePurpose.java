package com.maxmysales.messaging;

import com.maxmysales.contacts.Purpose;

/**
 * Why a message is sent: it decides whose consent it needs (the ledger's {@link Purpose}) and the first lane it
 * may take, so that a broadcast can never be queued as a reply.
 */
public enum MessagePurpose {
    /** An answer to the customer, or a utility message about what they asked for. */
    SERVICE(Purpose.SERVICE, Lane.CONVERSATION),
    /** Promotions and offers: only to contacts who granted marketing. */
    MARKETING(Purpose.MARKETING, Lane.CAMPAIGN),
    /** Contacting someone about the lead form they submitted, and nothing else (P2). */
    LEAD_FOLLOW_UP(Purpose.LEAD_FOLLOW_UP, Lane.FOLLOW_UP),
    /** A one-time code the person asked for: a service to them, never marketing. */
    AUTHENTICATION(Purpose.SERVICE, Lane.FOLLOW_UP);

    private final Purpose consent;
    private final Lane firstLane;

    MessagePurpose(Purpose consent, Lane firstLane) {
        this.consent = consent;
        this.firstLane = firstLane;
    }

    /** The purpose the consent ledger is asked about, and which the message records. */
    public Purpose consent() {
        return consent;
    }

    /** The highest lane a message of this purpose may take. */
    public Lane firstLane() {
        return firstLane;
    }
}
