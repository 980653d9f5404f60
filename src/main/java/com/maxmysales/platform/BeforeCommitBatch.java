package com.maxmysales.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Items a transaction collects one by one and writes in one go just before it commits: a webhook batch applies
 * a hundred statuses in one transaction, and a listener that wrote each status with its own statement spent most of
 * the batch's time on round trips. The flush runs in the transaction (before commit), so what it writes commits or
 * rolls back with what caused it. Outside a transaction each item is written at once; an item added after the flush
 * (by another before-commit step) is written at once too, still inside the transaction. Items must be added while
 * the transaction runs, not from a synchronisation registered during its commit.
 */
public final class BeforeCommitBatch<T> {

    private final Consumer<List<T>> flush;

    public BeforeCommitBatch(Consumer<List<T>> flush) {
        this.flush = flush;
    }

    public void add(T item) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            flush.accept(List.of(item));
            return;
        }
        var pending = pending();
        if (pending.flushed) {
            flush.accept(List.of(item));
        } else {
            pending.items.add(item);
        }
    }

    private Pending<T> pending() {
        @SuppressWarnings("unchecked")
        var bound = (Pending<T>) TransactionSynchronizationManager.getResource(this);
        if (bound != null) {
            return bound;
        }
        var pending = new Pending<T>();
        TransactionSynchronizationManager.bindResource(this, pending);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void beforeCommit(boolean readOnly) {
                pending.flushed = true;
                if (!pending.items.isEmpty()) {
                    flush.accept(List.copyOf(pending.items));
                    pending.items.clear();
                }
            }

            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(BeforeCommitBatch.this);
            }
        });
        return pending;
    }

    private static final class Pending<T> {
        private final List<T> items = new ArrayList<>();
        private boolean flushed;
    }
}
