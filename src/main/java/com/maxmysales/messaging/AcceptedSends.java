package com.maxmysales.messaging;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records the sends the Graph API accepted, many per transaction: whatever accepted sends piled up while the last
 * batch committed go in the next, in one statement, each with its {@code sent} event (group commit). Until its
 * batch commits a row stays {@code sending}, as it did until its own commit before: a crash in between leaves it to
 * Meta's status webhook or the unknown-outcome sweep, never to a second send.
 */
final class AcceptedSends {

    private static final Logger log = LoggerFactory.getLogger(AcceptedSends.class);
    private static final int BATCH = 500;
    private static final int ATTEMPTS = 3;

    private final Outbox outbox;
    private final TransactionTemplate transaction;
    private final ApplicationEventPublisher events;
    private final LinkedBlockingQueue<Outbox.Accepted> pending = new LinkedBlockingQueue<>();
    private volatile boolean running;
    private Thread recorder;

    AcceptedSends(Outbox outbox, TransactionTemplate transaction, ApplicationEventPublisher events) {
        this.outbox = outbox;
        this.transaction = transaction;
        this.events = events;
    }

    void add(Outbox.Accepted accepted) {
        pending.add(accepted);
    }

    void start() {
        running = true;
        recorder = Thread.ofPlatform().daemon().name("dispatcher-accepted").start(this::record);
    }

    /** Records what is still pending before it returns: call it once no send can be accepted any more. */
    void stop() throws InterruptedException {
        running = false;
        recorder.join();
    }

    private void record() {
        var batch = new ArrayList<Outbox.Accepted>(BATCH);
        while (running || !pending.isEmpty()) {
            try {
                var first = pending.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                pending.drainTo(batch, BATCH - 1);
                recordAll(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // Left as they are (sending): Meta's statuses record them, and the next batches go on.
                log.error("Recording {} accepted sends failed; Meta's status webhooks will record them", batch.size(), e);
            } finally {
                batch.clear();
            }
        }
    }

    /**
     * One transaction, tried again when PostgreSQL picked it to end a deadlock: a webhook batch moving the same
     * messages on may lock them in an order of its own, through the recipients and counts its listeners write.
     */
    private void recordAll(List<Outbox.Accepted> batch) {
        for (var attempt = 1; ; attempt++) {
            try {
                recordOnce(batch);
                return;
            } catch (PessimisticLockingFailureException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private void recordOnce(List<Outbox.Accepted> batch) {
        transaction.executeWithoutResult(status -> outbox.acceptedAll(batch).forEach(row ->
                events.publishEvent(new MessageStatusChanged(row.workspace(), row.id(), MessageStatus.SENT, null,
                        row.channel(), row.conversation(), MessageStatus.SENDING, row.ofCampaign()))));
    }
}
