package com.maxmysales.whatsapp.webhook;

import java.util.List;

import com.maxmysales.platform.PollingWorkers;
import com.maxmysales.whatsapp.WhatsAppSettings;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Workers that apply stored webhook events. Each claims a batch with FOR UPDATE SKIP LOCKED, so any
 * number of workers on any number of nodes share the inbox without applying an event twice.
 */
@Component
class WebhookProcessor extends PollingWorkers {

    private static final Logger log = LoggerFactory.getLogger(WebhookProcessor.class);
    static final int MAX_ATTEMPTS = 8;
    private static final long IDLE_WAIT_MILLIS = 200;

    private final WebhookInbox inbox;
    private final WebhookPayloadParser parser;
    private final NotificationRouter router;
    private final WhatsAppSettings settings;
    private final TransactionTemplate batch;
    private final WebhookSignal wakeUp;

    WebhookProcessor(WebhookInbox inbox, WebhookPayloadParser parser, NotificationRouter router,
            WhatsAppSettings settings, PlatformTransactionManager transactions, WebhookSignal wakeUp) {
        super("webhook-worker", settings.processingWorkers(), IDLE_WAIT_MILLIS, wakeUp);
        this.wakeUp = wakeUp;
        this.inbox = inbox;
        this.parser = parser;
        this.router = router;
        this.settings = settings;
        this.batch = new TransactionTemplate(transactions);
    }

    /** Called when this node stored an event, so it is applied at once rather than at the next poll. */
    void wake() {
        wakeUp.afterCommit();
    }

    /**
     * Applies a batch of due events in one transaction; returns how many it handled. When one of them fails,
     * the batch is rolled back and its events are applied one by one, so only the failing one waits for a retry.
     */
    @Override
    protected int work() {
        return processBatch();
    }

    int processBatch() {
        try {
            var handled = batch.execute(status -> applyAll(inbox.claimDue(settings.processingBatchSize())));
            return handled == null ? 0 : handled;
        } catch (EventFailed failed) {
            return processOneByOne(settings.processingBatchSize());
        }
    }

    private int processOneByOne(int count) {
        var handled = 0;
        for (int i = 0; i < count; i++) {
            try {
                var applied = batch.execute(status -> applyAll(inbox.claimDue(1)));
                if (applied == null || applied == 0) {
                    break;
                }
                handled += applied;
            } catch (EventFailed failed) {
                // The reason is the exception's type only: messages may quote the payload, which is personal data.
                log.warn("Webhook event {} failed (attempt {}): {}", failed.event.id(), failed.event.attempts() + 1,
                        failed.getCause().getClass().getName());
                // Full detail only at debug level: a database error may quote values from the payload.
                log.debug("Webhook event {} failure", failed.event.id(), failed.getCause());
                batch.executeWithoutResult(status -> inbox.markFailed(failed.event.id(), failed.event.attempts() + 1,
                        failed.getCause().getClass().getName(), MAX_ATTEMPTS));
                handled++;
            }
        }
        return handled;
    }

    private int applyAll(List<WebhookInbox.StoredEvent> events) {
        inbox.markApplied(events.stream().map(this::apply).toList());
        return events.size();
    }

    private WebhookInbox.Applied apply(WebhookInbox.StoredEvent event) {
        try {
            var notifications = parser.parse(event.body());
            return new WebhookInbox.Applied(event.id(), router.route(notifications), Subjects.of(notifications));
        } catch (RuntimeException e) {
            throw new EventFailed(event, e);
        }
    }

    /** Carries which event failed out of the rolled-back batch. */
    private static final class EventFailed extends RuntimeException {
        private final transient WebhookInbox.StoredEvent event;

        EventFailed(WebhookInbox.StoredEvent event, RuntimeException cause) {
            super(cause);
            this.event = event;
        }
    }
}
