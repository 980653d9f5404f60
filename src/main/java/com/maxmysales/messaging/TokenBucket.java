package com.maxmysales.messaging;

import java.util.function.LongSupplier;

/**
 * Meta's pacing as a token bucket: {@code capacity} messages at once, refilled at {@code perSecond}.
 * Time comes from a monotonic nanosecond source so tests can drive it.
 */
final class TokenBucket {

    private final double capacity;
    private final double perNano;
    private final LongSupplier nanos;
    private double tokens;
    private long last;

    TokenBucket(double capacity, double perSecond, LongSupplier nanos) {
        this.capacity = capacity;
        this.perNano = perSecond / 1_000_000_000d;
        this.nanos = nanos;
        this.tokens = capacity;
        this.last = nanos.getAsLong();
    }

    /** Takes a token if one is there; otherwise says how many nanoseconds until one will be. */
    synchronized long tryTake() {
        refill();
        if (tokens >= 1) {
            tokens -= 1;
            return 0;
        }
        return (long) Math.ceil((1 - tokens) / perNano);
    }

    synchronized boolean isFull() {
        refill();
        return tokens >= capacity;
    }

    private void refill() {
        var now = nanos.getAsLong();
        tokens = Math.min(capacity, tokens + (now - last) * perNano);
        last = now;
    }
}
