package com.maxmysales.messaging.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.maxmysales.platform.CustomersFirst;

import org.junit.jupiter.api.Test;

class BulkIntakeTests {

    @Test
    void aSecondBulkRequestWaitsForTheFirstToFinish() throws Exception {
        var intake = new BulkIntake(new CustomersFirst(), 1);
        var firstInside = new CountDownLatch(1);
        var releaseFirst = new CountDownLatch(1);
        var secondInside = new CountDownLatch(1);
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            pool.submit(() -> intake.inTurn(() -> {
                firstInside.countDown();
                return releaseFirst.await(10, TimeUnit.SECONDS);
            }));
            assertThat(firstInside.await(5, TimeUnit.SECONDS)).isTrue();
            pool.submit(() -> intake.inTurn(() -> {
                secondInside.countDown();
                return true;
            }));
            assertThat(secondInside.await(300, TimeUnit.MILLISECONDS)).as("the second started beside the first").isFalse();
            releaseFirst.countDown();
            assertThat(secondInside.await(5, TimeUnit.SECONDS)).as("the second ran once the first finished").isTrue();
        }
    }

    @Test
    void aBulkRequestWaitsWhileACustomersMessageWaitsButNotForLong() throws Exception {
        var customersFirst = new CustomersFirst();
        var intake = new BulkIntake(customersFirst, 1);
        customersFirst.waiting();
        var started = System.nanoTime();
        intake.inTurn(() -> true);
        var waitedMillis = (System.nanoTime() - started) / 1_000_000;
        assertThat(waitedMillis).isBetween(150L, 2_000L);

        customersFirst.cleared();
        started = System.nanoTime();
        intake.inTurn(() -> true);
        assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(150L);
    }
}
