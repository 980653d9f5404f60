package com.maxmysales.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** Background work waits while a customer's message is applied, and only that long (or its bound). */
class CustomersFirstTests {

    private final CustomersFirst customersFirst = new CustomersFirst();

    @Test
    void backgroundWorkGoesAtOnceWhenNoCustomerWaits() throws Exception {
        var started = System.nanoTime();
        customersFirst.giveWay(Duration.ofSeconds(5));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
    }

    @Test
    void backgroundWorkWaitsUntilTheCustomersMessagesAreApplied() throws Exception {
        customersFirst.waiting();
        var gaveWay = CompletableFuture.runAsync(() -> {
            try {
                customersFirst.giveWay(Duration.ofSeconds(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Thread.sleep(300);
        assertThat(gaveWay).as("still giving way while a customer's message waits").isNotDone();

        customersFirst.cleared();
        gaveWay.get(5, TimeUnit.SECONDS);
        assertThat(customersFirst.givingWay()).isFalse();
    }

    @Test
    void aCustomerWhoNeverStopsWritingSlowsBackgroundWorkButNeverStopsIt() throws Exception {
        customersFirst.waiting();
        var started = System.nanoTime();
        customersFirst.giveWay(Duration.ofMillis(200));
        var waited = Duration.ofNanos(System.nanoTime() - started);
        assertThat(waited).isGreaterThanOrEqualTo(Duration.ofMillis(200)).isLessThan(Duration.ofSeconds(5));
    }
}
