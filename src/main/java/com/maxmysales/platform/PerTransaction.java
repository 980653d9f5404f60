package com.maxmysales.platform;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Values read once per transaction instead of once per use: a webhook worker applies a hundred events in one
 * transaction, and settings such as a workspace's opt-out words cannot change under it. Outside a transaction
 * every call reads afresh. Values must not be null.
 */
public final class PerTransaction<K, V> {

    private final Function<K, V> loader;

    public PerTransaction(Function<K, V> loader) {
        this.loader = loader;
    }

    public V get(K key) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return loader.apply(key);
        }
        return values().computeIfAbsent(key, loader);
    }

    @SuppressWarnings("unchecked")
    private Map<K, V> values() {
        var bound = (Map<K, V>) TransactionSynchronizationManager.getResource(this);
        if (bound != null) {
            return bound;
        }
        var values = new HashMap<K, V>();
        TransactionSynchronizationManager.bindResource(this, values);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(PerTransaction.this);
            }
        });
        return values;
    }
}
