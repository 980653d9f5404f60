package com.maxmysales.whatsapp.webhook;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import com.maxmysales.whatsapp.WhatsAppSettings;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Workers that apply stored webhook events. Each claims a batch with FOR UPDATE SKIP LOCKED, so any
 * number of workers on any number of nodes share the inbox without applying an event twice. Each event
 * runs in a savepoint: one that fails is retried later and does not hold back the rest of its batch.
 */
@Component
class WebhookProcessor implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(WebhookProcessor.class);
    static final int MAX_ATTEMPTS = 8;
    private static final long IDLE_WAIT_MILLIS = 200;

    private final WebhookInbox inbox;
    private final WebhookPayloadParser parser;
    private final NotificationRouter router;
    private final WhatsAppSettings settings;
    private final TransactionTemplate batch;
    private final TransactionTemplate savepoint;
    private final Semaphore wakeUp = new Semaphore(0);
    private final List<Thread> workers = new ArrayList<>();
    private volatile boolean running;

    WebhookProcessor(WebhookInbox inbox, WebhookPayloadParser parser, NotificationRouter router,
            WhatsAppSettings settings, PlatformTransactionManager transactions) {
        this.inbox = inbox;
        this.parser = parser;
        this.router = router;
        this.settings = settings;
        this.batch = new TransactionTemplate(transactions);
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    /** Called when this node stored an event, so it is applied at once rather than at the next poll. */
    void wake() {
        wakeUp.release();
    }

    /** Applies every due event once; returns how many it handled. Workers call it in a loop. */
    int processBatch() {
        var handled = batch.execute(status -> {
            var events = inbox.claimDue(settings.processingBatchSize());
            events.forEach(this::apply);
            return events.size();
        });
        return handled == null ? 0 : handled;
    }

    private void apply(WebhookInbox.StoredEvent event) {
        try {
            var routable = savepoint.execute(status -> {
                var notifications = parser.parse(event.body());
                inbox.recordSubjects(event.id(), Subjects.of(notifications));
                return router.route(notifications);
            });
            inbox.markProcessed(event.id(), Boolean.TRUE.equals(routable));
        } catch (RuntimeException e) {
            // The reason is the exception's type only: messages may quote the payload, which is personal data.
            log.warn("Webhook event {} failed (attempt {}): {}", event.id(), event.attempts() + 1, e.getClass().getName());
            inbox.markFailed(event.id(), event.attempts() + 1, e.getClass().getName(), MAX_ATTEMPTS);
        }
    }

    private void work() {
        while (running) {
            try {
                if (processBatch() == 0) {
                    wakeUp.tryAcquire(IDLE_WAIT_MILLIS, TimeUnit.MILLISECONDS);
                    wakeUp.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.error("Webhook worker error; retrying", e);
                sleepQuietly();
            }
        }
    }

    private static void sleepQuietly() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void start() {
        running = true;
        for (int i = 0; i < settings.processingWorkers(); i++) {
            workers.add(Thread.ofVirtual().name("webhook-worker-" + i).start(this::work));
        }
    }

    @Override
    public void stop() {
        running = false;
        // Woken, not interrupted: an interrupt would close a JDBC socket in the middle of a transaction.
        wakeUp.release(workers.size());
        for (var worker : workers) {
            try {
                worker.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        workers.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
