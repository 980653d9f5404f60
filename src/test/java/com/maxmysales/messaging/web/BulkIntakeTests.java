package com.maxmysales.messaging.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.maxmysales.platform.CustomersFirst;
import com.maxmysales.platform.Refusal;
import com.maxmysales.shared.WorkspaceId;

import org.junit.jupiter.api.Test;

class BulkIntakeTests {

    private static final WorkspaceId ONE = new WorkspaceId(UUID.randomUUID());
    private static final WorkspaceId OTHER = new WorkspaceId(UUID.randomUUID());

    @Test
    void aSecondBulkRequestWaitsForTheFirstToFinish() throws Exception {
        var intake = new BulkIntake(new CustomersFirst(), 1);
        var firstInside = new CountDownLatch(1);
        var releaseFirst = new CountDownLatch(1);
        var secondInside = new CountDownLatch(1);
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            pool.submit(() -> intake.inTurn(ONE, () -> {
                firstInside.countDown();
                return releaseFirst.await(10, TimeUnit.SECONDS);
            }));
            assertThat(firstInside.await(5, TimeUnit.SECONDS)).isTrue();
            pool.submit(() -> intake.inTurn(OTHER, () -> {
                secondInside.countDown();
                return true;
            }));
            assertThat(secondInside.await(300, TimeUnit.MILLISECONDS)).as("the second started beside the first").isFalse();
            releaseFirst.countDown();
            assertThat(secondInside.await(5, TimeUnit.SECONDS)).as("the second ran once the first finished").isTrue();
        }
    }

    @Test
    void aWorkspaceSendingManyAtOnceWaitsBehindItsOwnNotAheadOfAnothers() throws Exception {
        var intake = new BulkIntake(new CustomersFirst(), 2);
        var oneInside = new CountDownLatch(1);
        var releaseOne = new CountDownLatch(1);
        var oneAgainInside = new CountDownLatch(1);
        var otherInside = new CountDownLatch(1);
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            pool.submit(() -> intake.inTurn(ONE, () -> {
                oneInside.countDown();
                return releaseOne.await(10, TimeUnit.SECONDS);
            }));
            assertThat(oneInside.await(5, TimeUnit.SECONDS)).isTrue();
            pool.submit(() -> intake.inTurn(ONE, () -> {
                oneAgainInside.countDown();
                return true;
            }));
            pool.submit(() -> intake.inTurn(OTHER, () -> {
                otherInside.countDown();
                return true;
            }));
            assertThat(otherInside.await(5, TimeUnit.SECONDS)).as("another workspace takes the free turn").isTrue();
            assertThat(oneAgainInside.await(300, TimeUnit.MILLISECONDS)).as("the workspace's second beside its first")
                    .isFalse();
            releaseOne.countDown();
            assertThat(oneAgainInside.await(5, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void aBulkRequestWaitsWhileACustomersMessageWaitsButNotForLong() throws Exception {
        var customersFirst = new CustomersFirst();
        var intake = new BulkIntake(customersFirst, 1);
        customersFirst.waiting();
        var started = System.nanoTime();
        intake.inTurn(ONE, () -> true);
        var waitedMillis = (System.nanoTime() - started) / 1_000_000;
        assertThat(waitedMillis).isBetween(150L, 2_000L);

        customersFirst.cleared();
        started = System.nanoTime();
        intake.inTurn(ONE, () -> true);
        assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(150L);
    }

    /**
     * Session 8's attack: a free workspace posted 1 MiB bulk bodies and hung up; each went on waiting with its parsed
     * body (some 2 MB of heap) for its turn, so posting faster than one request a second is decided filled the
     * node's heap for everyone.
     */
    @Test
    void aWorkspaceHoldsOnlyAFewBulkRequestsWaitingAndAnotherStillGetsItsTurn() throws Exception {
        var intake = new BulkIntake(new CustomersFirst(), 1);
        var firstInside = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            pool.submit(() -> intake.inTurn(ONE, () -> {
                firstInside.countDown();
                return release.await(10, TimeUnit.SECONDS);
            }));
            assertThat(firstInside.await(5, TimeUnit.SECONDS)).isTrue();
            for (var i = 1; i < BulkIntake.PER_WORKSPACE; i++) {
                pool.submit(() -> intake.inTurn(ONE, () -> true));
            }
            var deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (intake.placesTaken(ONE) < BulkIntake.PER_WORKSPACE && System.nanoTime() < deadline) {
                Thread.sleep(10); // they take their places at once, then wait for their turns behind the first
            }
            assertThatThrownBy(() -> intake.inTurn(ONE, () -> true)).isInstanceOfSatisfying(Refusal.class,
                    refusal -> assertThat(refusal.code()).isEqualTo("too-many-bulk-requests"));
            var otherInside = new CountDownLatch(1);
            pool.submit(() -> intake.inTurn(OTHER, () -> {
                otherInside.countDown();
                return true;
            }));
            release.countDown();
            assertThat(otherInside.await(5, TimeUnit.SECONDS)).as("another workspace is not refused").isTrue();
        }
        intake.inTurn(ONE, () -> true);
    }
}
