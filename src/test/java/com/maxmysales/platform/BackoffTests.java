package com.maxmysales.platform;

import java.time.Duration;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BackoffTests {

    /** Always the middle of the range asked for. */
    private static final RandomGenerator MIDDLE = new RandomGenerator() {
        @Override
        public long nextLong() {
            throw new UnsupportedOperationException("only bounded draws");
        }

        @Override
        public long nextLong(long bound) {
            return bound / 2;
        }
    };

    @Test
    void theDelayDoublesFromTheFirstAfterEachFailedAttemptUpToTheCap() {
        var backoff = Backoff.exponential(Duration.ofSeconds(2), Duration.ofHours(1));

        assertThat(backoff.after(1)).isEqualTo(Duration.ofSeconds(2));
        assertThat(backoff.after(2)).isEqualTo(Duration.ofSeconds(4));
        assertThat(backoff.after(11)).isEqualTo(Duration.ofSeconds(2048));
        assertThat(backoff.after(12)).isEqualTo(Duration.ofHours(1));
        assertThat(backoff.after(1_000)).as("no overflow however many attempts").isEqualTo(Duration.ofHours(1));
        assertThat(backoff.after(0)).as("before any attempt").isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void jitterTakesAtMostItsShareOffTheDelay() {
        var backoff = Backoff.exponential(Duration.ofSeconds(4), Duration.ofHours(6)).withJitter(0.5)
                .withRandom(new SplittableRandom(7));

        for (int attempt = 1; attempt <= 20; attempt++) {
            var ceiling = Math.min(Duration.ofHours(6).toMillis(), 4000L << (attempt - 1));
            for (int draw = 0; draw < 50; draw++) {
                assertThat(backoff.after(attempt).toMillis()).isBetween(ceiling / 2, ceiling);
            }
        }
    }

    @Test
    void theRandomnessIsInjectedSoATestKnowsEachDelay() {
        var backoff = Backoff.exponential(Duration.ofSeconds(10), Duration.ofMinutes(5)).withJitter(1).withRandom(MIDDLE);

        assertThat(backoff.after(1)).isEqualTo(Duration.ofSeconds(5));
        assertThat(backoff.after(3)).isEqualTo(Duration.ofSeconds(20));
        assertThat(backoff.after(9)).isEqualTo(Duration.ofSeconds(150));
        assertThat(Backoff.exponential(Duration.ofSeconds(10), Duration.ofMinutes(5)).withJitter(0.2)
                .withRandom(new SplittableRandom(1)).after(2))
                .isEqualTo(Backoff.exponential(Duration.ofSeconds(10), Duration.ofMinutes(5)).withJitter(0.2)
                        .withRandom(new SplittableRandom(1)).after(2));
    }

    @Test
    void aBackoffThatCannotWorkIsRefused() {
        assertThatThrownBy(() -> Backoff.exponential(Duration.ZERO, Duration.ofMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Backoff.exponential(Duration.ofMinutes(2), Duration.ofMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Backoff.exponential(Duration.ofSeconds(1), Duration.ofMinutes(1)).withJitter(1.5))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
