package com.maxmysales.platform;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;

/**
 * How long a queue row waits before its next attempt: {@code first} after the first failed attempt, doubling with
 * each further one up to {@code cap}, then spread by jitter so that the retries of a burst do not all arrive
 * together. The one backoff every queue table uses (docs/architecture.md, "Queue tables").
 *
 * @param jitter how much of each delay may be taken off at random, from 0 (none: exactly the delay) to 1 ("full
 *               jitter": anywhere between nothing and the delay)
 */
public record Backoff(Duration first, Duration cap, double jitter, RandomGenerator random) {

    /** Doubling 62 times overflows a long; no cap is reached that late. */
    private static final int MAX_DOUBLINGS = 30;
    private static final RandomGenerator PER_THREAD = new RandomGenerator() {
        @Override
        public long nextLong() {
            return ThreadLocalRandom.current().nextLong();
        }
    };

    public Backoff {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(cap, "cap");
        Objects.requireNonNull(random, "random");
        if (first.isNegative() || first.isZero() || cap.compareTo(first) < 0) {
            throw new IllegalArgumentException("a backoff starts above zero and is capped no lower than it starts");
        }
        if (jitter < 0 || jitter > 1) {
            throw new IllegalArgumentException("jitter is a share of the delay, from 0 to 1");
        }
    }

    /** Exactly {@code first}, doubled per attempt, up to {@code cap}. */
    public static Backoff exponential(Duration first, Duration cap) {
        return new Backoff(first, cap, 0, PER_THREAD);
    }

    public Backoff withJitter(double share) {
        return new Backoff(first, cap, share, random);
    }

    /** The same backoff drawing its jitter from {@code random}: a test's fixed sequence. */
    public Backoff withRandom(RandomGenerator random) {
        return new Backoff(first, cap, jitter, random);
    }

    /** @param attempts how many attempts failed so far, the one just made included (1 after the first) */
    public Duration after(int attempts) {
        var doublings = Math.clamp(attempts - 1L, 0, MAX_DOUBLINGS);
        var ceiling = Math.min(cap.toMillis(), first.toMillis() << doublings);
        var spread = (long) (ceiling * jitter);
        return Duration.ofMillis(ceiling - (spread == 0 ? 0 : random.nextLong(spread + 1)));
    }
}
