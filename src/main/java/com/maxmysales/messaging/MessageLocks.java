package com.maxmysales.messaging;

import java.util.Comparator;
import java.util.UUID;

/**
 * The one order in which statements that update many messages at once take their rows' locks. Under a broadcast
 * the webhook workers apply status batches side by side and the dispatcher records accepted sends meanwhile; a
 * status batch holds sent, delivered and read of messages another batch holds too, and two statements locking the
 * same rows in different orders deadlock: PostgreSQL cancels one after a second, and its webhook events wait for a
 * retry two seconds later, the status lag's tail. Each such statement binds its rows in this order, which its
 * nested loop over the bound arrays follows.
 */
final class MessageLocks {

    /** By id, as PostgreSQL orders uuids (unsigned, byte by byte): the same order whichever side sorts. */
    static final Comparator<UUID> ORDER = (one, other) -> {
        var high = Long.compareUnsigned(one.getMostSignificantBits(), other.getMostSignificantBits());
        return high != 0 ? high : Long.compareUnsigned(one.getLeastSignificantBits(), other.getLeastSignificantBits());
    };

    private MessageLocks() {
    }
}
