package com.maxmysales.platform;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Wakes a node's background workers when this node queued work for them, so it starts at once instead of at
 * their next poll; work queued by other nodes is still found by polling. Signalled after commit, when the
 * queued rows are visible.
 */
public class WakeUp {

    private final Semaphore permits = new Semaphore(0);

    public void afterCommit() {
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

    /** Waits until woken or the poll interval passed. */
    public void await(long millis) throws InterruptedException {
        if (permits.tryAcquire(millis, TimeUnit.MILLISECONDS)) {
            permits.drainPermits();
        }
    }

    /** Lets every worker out of its wait, e.g. to stop. */
    public void wakeAll(int workers) {
        permits.release(workers);
    }
}
