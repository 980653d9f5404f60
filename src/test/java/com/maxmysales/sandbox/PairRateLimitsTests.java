package com.maxmysales.sandbox;

import com.maxmysales.support.MutableClock;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PairRateLimitsTests {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T10:00:00Z"));
    private final PairRateLimits limits = new PairRateLimits(clock);

    @Test
    void aBurstOf45PassesAndTheNextWaitsSixSeconds() {
        for (var i = 0; i < 45; i++) {
            assertThat(limits.tryAcquire("400000000000001", "919811122233")).as("message %d", i + 1).isTrue();
        }
        assertThat(limits.tryAcquire("400000000000001", "919811122233")).isFalse();

        clock.advance(Duration.ofMillis(5_999));
        assertThat(limits.tryAcquire("400000000000001", "919811122233")).isFalse();
        clock.advance(Duration.ofMillis(1));
        assertThat(limits.tryAcquire("400000000000001", "919811122233")).isTrue();
        assertThat(limits.tryAcquire("400000000000001", "919811122233")).isFalse();
    }

    @Test
    void eachPairHasItsOwnBucket() {
        for (var i = 0; i < 45; i++) {
            limits.tryAcquire("400000000000001", "919811122233");
        }

        assertThat(limits.tryAcquire("400000000000001", "919822233344")).as("another customer").isTrue();
        assertThat(limits.tryAcquire("400000000000002", "919811122233")).as("another business number").isTrue();
    }

    @Test
    void aQuietPairRefillsToTheBurstButNoFurther() {
        for (var i = 0; i < 45; i++) {
            limits.tryAcquire("400000000000001", "919811122233");
        }

        clock.advance(Duration.ofHours(1));

        for (var i = 0; i < 45; i++) {
            assertThat(limits.tryAcquire("400000000000001", "919811122233")).isTrue();
        }
        assertThat(limits.tryAcquire("400000000000001", "919811122233")).isFalse();
    }
}
