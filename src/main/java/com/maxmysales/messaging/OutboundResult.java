package com.maxmysales.messaging;

import java.time.Instant;

import com.maxmysales.contacts.ConsentSource;
import com.maxmysales.contacts.Purpose;

/** What {@link Outbound#queue} did: queued the message, or refused it for a reason. Nothing is stored on a refusal. */
public sealed interface OutboundResult {

    /** Queued, or queued before under the same idempotency key. */
    record Queued(Message message) implements OutboundResult {}

    /**
     * @param detail a sentence for a person, naming what to do
     * @param consent for {@link RefusalReason#OPTED_OUT} and {@link RefusalReason#NO_CONSENT}: the purpose, and the withdrawal
     *                that decided it; else null
     */
    record Refused(RefusalReason reason, String detail, ConsentRefusal consent) implements OutboundResult {

        static Refused of(RefusalReason reason, String detail) {
            return new Refused(reason, detail, null);
        }
    }

    /** @param withdrawnVia and {@code withdrawnAt}: the withdrawal, null when no grant was ever recorded */
    record ConsentRefusal(Purpose purpose, ConsentSource withdrawnVia, Instant withdrawnAt) {}
}
