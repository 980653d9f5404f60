package com.maxmysales.platform;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionSynchronizationUtils;

import static org.assertj.core.api.Assertions.assertThat;

class BeforeCommitBatchTests {

    private final List<List<String>> flushes = new ArrayList<>();
    private final BeforeCommitBatch<String> batch = new BeforeCommitBatch<>(flushes::add);

    @AfterEach
    void noTransactionLeftOpen() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.clearSynchronization();
        }
        TransactionSynchronizationManager.unbindResourceIfPossible(batch);
    }

    @Test
    void outsideATransactionEachItemIsWrittenAtOnce() {
        batch.add("sent");
        batch.add("read");

        assertThat(flushes).containsExactly(List.of("sent"), List.of("read"));
    }

    @Test
    void withinATransactionTheItemsAreWrittenTogetherBeforeItCommits() {
        TransactionSynchronizationManager.initSynchronization();
        batch.add("sent");
        batch.add("delivered");
        assertThat(flushes).as("nothing written before the commit").isEmpty();

        TransactionSynchronizationUtils.triggerBeforeCommit(false);
        assertThat(flushes).containsExactly(List.of("sent", "delivered"));

        batch.add("read");
        assertThat(flushes).as("an item added after the flush is written at once, not lost")
                .containsExactly(List.of("sent", "delivered"), List.of("read"));
        end(TransactionSynchronization.STATUS_COMMITTED);

        TransactionSynchronizationManager.initSynchronization();
        batch.add("failed");
        TransactionSynchronizationUtils.triggerBeforeCommit(false);
        assertThat(flushes).as("the next transaction has a batch of its own").hasSize(3).last().isEqualTo(List.of("failed"));
    }

    @Test
    void aRolledBackTransactionWritesNothing() {
        TransactionSynchronizationManager.initSynchronization();
        batch.add("sent");
        end(TransactionSynchronization.STATUS_ROLLED_BACK);

        assertThat(flushes).isEmpty();
        assertThat(TransactionSynchronizationManager.getResource(batch)).isNull();
    }

    private static void end(int status) {
        var synchronizations = TransactionSynchronizationManager.getSynchronizations();
        TransactionSynchronizationManager.clearSynchronization();
        TransactionSynchronizationUtils.invokeAfterCompletion(synchronizations, status);
    }
}
