package com.maxmysales.messaging;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import com.maxmysales.shared.ContactId;

/**
 * Meta's pair limit, per node: one message per 6 seconds to the same user with bursts of up to 45. (Each number's
 * messages per second are paced by the outbox's claim, for all nodes together.)
 */
final class Pacing {

    static final int PAIR_BURST = 45;
    static final double PAIR_PER_SECOND = 1 / 6d;
    private static final int MAX_PAIRS_TRACKED = 200_000;

    private final Map<String, TokenBucket> pairs = new ConcurrentHashMap<>();
    private final LongSupplier nanos;

    Pacing(LongSupplier nanos) {
        this.nanos = nanos;
    }

    /** @return 0 when this recipient may get a message now, else nanoseconds until they may */
    long pairWait(UUID channel, ContactId contact) {
        if (pairs.size() > MAX_PAIRS_TRACKED) {
            // A full bucket holds no memory of past sends, so forgetting it changes nothing.
            pairs.values().removeIf(TokenBucket::isFull);
        }
        return pairs.computeIfAbsent(channel + "/" + contact, key -> new TokenBucket(PAIR_BURST, PAIR_PER_SECOND, nanos))
                .tryTake();
    }
}
