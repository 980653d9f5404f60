package com.maxmysales.analytics;

import java.time.Duration;

import com.maxmysales.platform.CustomersFirst;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies the pending message counts every {@code apply-interval}, a batch at a time until none is left: the figures
 * trail the events by under a second. Each batch is its own transaction, so a crash loses nothing (the rows stay
 * pending) and counts nothing twice (their keys are recorded in the same transaction). While a backlog exists (a
 * full batch), each next batch is twice as large, up to {@code apply-batch-max}: one statement's fixed cost (the
 * sums' upserts, the commit) spread over more counts, so the counting catches up with a campaign's burst.
 */
@Component
class PendingCountsApplier {

    private static final Duration GIVE_WAY = Duration.ofMillis(200);

    private final PendingCounts pending;
    private final AnalyticsSettings settings;
    private final TransactionTemplate transaction;
    private final CustomersFirst customersFirst;

    PendingCountsApplier(PendingCounts pending, AnalyticsSettings settings, TransactionTemplate transaction,
            CustomersFirst customersFirst) {
        this.pending = pending;
        this.settings = settings;
        this.transaction = transaction;
        this.customersFirst = customersFirst;
    }

    @Scheduled(fixedDelayString = "${maxmysales.analytics.apply-interval:PT0.5S}", initialDelayString = "PT1S")
    void applyAll() throws InterruptedException {
        var largest = Math.max(settings.applyBatch(), settings.applyBatchMax());
        var size = settings.applyBatch();
        boolean full;
        do {
            // Counting can wait a moment while a customer's message waits for the inbox: nothing reads it live.
            customersFirst.giveWay(GIVE_WAY);
            var limit = size;
            Integer taken = transaction.execute(status -> pending.apply(limit));
            full = taken != null && taken >= limit;
            size = Math.min(size * 2, largest);
        } while (full);
    }
}
