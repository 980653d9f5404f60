package com.maxmysales.messaging;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Wakes this node's dispatchers when a message was queued here, so it leaves at once instead of at the
 * next poll; other nodes find it by polling. Signalled after commit, when the row is visible.
 */
@Component
class DispatchSignal {

    private final Semaphore permits = new Semaphore(0);

    void afterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    permits.release();
                }
            });
        } else {
            permits.release();
        }
    }

    void await(long millis) throws InterruptedException {
        if (permits.tryAcquire(millis, TimeUnit.MILLISECONDS)) {
            permits.drainPermits();
        }
    }

    void wakeAll(int workers) {
        permits.release(workers);
    }
}
