package com.maxmysales.platform;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionSynchronizationUtils;

import static org.assertj.core.api.Assertions.assertThat;

class PerTransactionTests {

    private final AtomicInteger reads = new AtomicInteger();
    private final PerTransaction<String, Integer> lengths = new PerTransaction<>(key -> {
        reads.incrementAndGet();
        return key.length();
    });

    @AfterEach
    void noTransactionLeftOpen() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.clearSynchronization();
        }
    }

    @Test
    void outsideATransactionEveryCallReads() {
        lengths.get("stop");
        lengths.get("stop");

        assertThat(reads).hasValue(2);
    }

    @Test
    void withinATransactionEachKeyIsReadOnceAndForgottenWhenItEnds() {
        TransactionSynchronizationManager.initSynchronization();
        assertThat(lengths.get("stop")).isEqualTo(4);
        assertThat(lengths.get("stop")).isEqualTo(4);
        assertThat(lengths.get("start")).isEqualTo(5);
        assertThat(reads).hasValue(2);

        var synchronizations = TransactionSynchronizationManager.getSynchronizations();
        TransactionSynchronizationManager.clearSynchronization();
        TransactionSynchronizationUtils.invokeAfterCompletion(synchronizations, TransactionSynchronization.STATUS_COMMITTED);

        TransactionSynchronizationManager.initSynchronization();
        lengths.get("stop");
        assertThat(reads).as("the next transaction reads again").hasValue(3);
    }
}
