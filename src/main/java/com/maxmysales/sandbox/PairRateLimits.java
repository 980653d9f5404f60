package com.maxmysales.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * Meta's pair rate limit: one message every 6 seconds from a business number to the same customer, with
 * bursts of up to 45 that borrow from the future. A token bucket per pair, refilled by the clock.
 */
@Component
@WhenSandboxEnabled
class PairRateLimits {

    static final int BURST = 45;
    static final Duration REFILL = Duration.ofSeconds(6);
    // Buckets that have refilled completely hold no information and are dropped past this many pairs.
    private static final int SWEEP_ABOVE = 50_000;

    private record Pair(String phoneNumberId, String waId) {
    }

    /** @param tokens messages that may go now; {@code at} is when that was computed */
    private record Bucket(double tokens, Instant at) {

        Bucket refilled(Instant now) {
            var elapsed = Duration.between(at, now).toNanos();
            return new Bucket(Math.min(BURST, tokens + (double) elapsed / REFILL.toNanos()), now);
        }
    }

    private final Clock clock;
    private final Map<Pair, Bucket> buckets = new ConcurrentHashMap<>();

    PairRateLimits(Clock clock) {
        this.clock = clock;
    }

    /** Takes one message's worth from the pair's bucket; false when it is empty. */
    boolean tryAcquire(String phoneNumberId, String waId) {
        var now = clock.instant();
        if (buckets.size() > SWEEP_ABOVE) {
            buckets.values().removeIf(bucket -> bucket.refilled(now).tokens() >= BURST);
        }
        var taken = new boolean[1];
        buckets.compute(new Pair(phoneNumberId, waId), (pair, bucket) -> {
            var current = bucket == null ? new Bucket(BURST, now) : bucket.refilled(now);
            taken[0] = current.tokens() >= 1;
            return taken[0] ? new Bucket(current.tokens() - 1, now) : current;
        });
        return taken[0];
    }
}
