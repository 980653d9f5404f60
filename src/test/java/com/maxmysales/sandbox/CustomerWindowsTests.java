package com.maxmysales.sandbox;

import com.maxmysales.support.MutableClock;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CustomerWindowsTests {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T10:00:00Z"));
    private final CustomerWindows windows = new CustomerWindows(clock);

    @Test
    void aWindowIsOpenFor24HoursAfterTheCustomersLastMessage() {
        assertThat(windows.isOpen("400000000000001", "919811122233")).as("before the customer ever wrote").isFalse();

        windows.customerWrote("400000000000001", "919811122233");
        clock.advance(Duration.ofHours(23).plusMinutes(59));
        assertThat(windows.isOpen("400000000000001", "919811122233")).isTrue();

        clock.advance(Duration.ofMinutes(1).plusSeconds(1));
        assertThat(windows.isOpen("400000000000001", "919811122233")).isFalse();
    }

    @Test
    void eachMessageRestartsTheWindowForThatBusinessNumberOnly() {
        windows.customerWrote("400000000000001", "919811122233");
        clock.advance(Duration.ofHours(20));
        windows.customerWrote("400000000000001", "919811122233");
        clock.advance(Duration.ofHours(20));

        assertThat(windows.isOpen("400000000000001", "919811122233")).isTrue();
        assertThat(windows.isOpen("400000000000002", "919811122233")).isFalse();
    }
}
