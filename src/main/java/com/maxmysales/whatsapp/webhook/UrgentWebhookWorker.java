package com.maxmysales.whatsapp.webhook;

import com.maxmysales.platform.CustomersFirst;
import com.maxmysales.platform.WakeUp;
import com.maxmysales.whatsapp.WhatsAppSettings;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * One worker per node that applies only the stored events carrying customers' messages ({@code urgent}), in small
 * batches, on a platform thread of its own. Under a backlog of status webhooks every other worker is busy with a
 * batch of a hundred statuses, and their virtual threads queue for the same carriers as every request: a
 * customer's message, leased first but only once a worker came free, waited seconds for one (inbox-live p99 20 s
 * under outbound load). Off when processing is ({@code processing-workers=0}). While it has work, the node's
 * broadcast and status batches give way ({@link CustomersFirst}).
 */
@Component
class UrgentWebhookWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(UrgentWebhookWorker.class);
    private static final long IDLE_WAIT_MILLIS = 200;

    private final WebhookProcessor processor;
    private final CustomersFirst customersFirst;
    private final boolean enabled;
    private final WakeUp signal = new WakeUp();
    private volatile boolean running;
    private Thread thread;

    UrgentWebhookWorker(WebhookProcessor processor, CustomersFirst customersFirst, WhatsAppSettings settings) {
        this.processor = processor;
        this.customersFirst = customersFirst;
        this.enabled = settings.processingWorkers() > 0;
    }

    /**
     * Called when this node stored an event that carries customers' messages, or heard that another node did: once
     * it is visible, this node's background work gives way until this worker finds nothing left to apply.
     */
    void wake() {
        if (enabled) {
            if (TransactionSynchronizationManager.isSynchronizationActive()) {
                TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public void afterCommit() {
                        customersFirst.waiting();
                    }
                });
            } else {
                customersFirst.waiting();
            }
        }
        signal.afterCommit();
    }

    private void loop() {
        while (running) {
            try {
                if (processor.processUrgent(WebhookProcessor.URGENT_BATCH) == 0) {
                    customersFirst.cleared();
                    signal.await(IDLE_WAIT_MILLIS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.error("Applying urgent webhook events failed; retrying", e);
                try {
                    Thread.sleep(1_000);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    @Override
    public void start() {
        running = true;
        if (enabled) {
            thread = Thread.ofPlatform().daemon().name("webhook-urgent-worker").start(this::loop);
        }
    }

    @Override
    public void stop() {
        running = false;
        if (thread != null) {
            signal.wakeAll(1);
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            thread = null;
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
