package com.maxmysales.whatsapp.webhook;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import com.maxmysales.platform.CustomersFirst;
import com.maxmysales.platform.PollingWorkers;
import com.maxmysales.whatsapp.WhatsAppSettings;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Workers that apply stored webhook events. Each leases a batch (FOR UPDATE SKIP LOCKED, committed), so any
 * number of workers on any number of nodes share the inbox without applying an event twice or attempting it at once.
 */
@Component
class WebhookProcessor extends PollingWorkers {

    private static final Logger log = LoggerFactory.getLogger(WebhookProcessor.class);
    static final int MAX_ATTEMPTS = 8;
    /** Far longer than applying a batch takes; how long the events of a worker that died wait for another. */
    static final Duration LEASE = Duration.ofMinutes(2);
    private static final long IDLE_WAIT_MILLIS = 200;
    /** Customers' messages applied in one transaction at most, by any worker. */
    static final int URGENT_BATCH = 10;
    /** The longest a batch of statuses waits for customers' messages to be applied before it goes anyway. */
    private static final Duration GIVE_WAY = Duration.ofMillis(200);

    private final WebhookInbox inbox;
    private final CustomersFirst customersFirst;
    private final WebhookPayloadParser parser;
    private final NotificationRouter router;
    private final EventWorkspaces workspaces;
    private final WhatsAppSettings settings;
    private final TransactionTemplate batch;
    private final WebhookSignal wakeUp;
    private final Clock clock;

    WebhookProcessor(WebhookInbox inbox, WebhookPayloadParser parser, NotificationRouter router,
            EventWorkspaces workspaces, WhatsAppSettings settings, PlatformTransactionManager transactions, WebhookSignal wakeUp,
            CustomersFirst customersFirst, Clock clock) {
        super("webhook-worker", settings.processingWorkers(), IDLE_WAIT_MILLIS, wakeUp);
        this.wakeUp = wakeUp;
        this.inbox = inbox;
        this.parser = parser;
        this.router = router;
        this.workspaces = workspaces;
        this.settings = settings;
        this.batch = new TransactionTemplate(transactions);
        this.customersFirst = customersFirst;
        this.clock = clock;
    }

    /** Called when this node stored an event, so it is applied at once rather than at the next poll. */
    void wake() {
        wakeUp.afterCommit();
    }

    /**
     * Leases a batch of due events, then applies them in one transaction; returns how many it handled. When one of
     * them fails, the batch is rolled back, the failure recorded, and the others applied one by one, so only the
     * failing one waits for a retry. The lease keeps every other worker off these events throughout: an event is
     * attempted by one worker at a time, and each attempt is counted once.
     */
    @Override
    protected int work() throws InterruptedException {
        return processBatch();
    }

    /**
     * Customers' messages first, in a batch of their own; delivery statuses only when none is due. A batch that mixed
     * them applied a customer's message in the transaction of up to a hundred webhooks of statuses (fifty each under
     * a broadcast), and it waited for all of them: seconds under load (docs/performance.md, session 6). Customers'
     * messages go {@value #URGENT_BATCH} at most per batch: each waits for its whole batch to commit, and a batch of 48
     * of them took 47 s under the outbound load; a smaller batch costs a fraction of a statement per message.
     * A batch of statuses first gives way while another worker applies customers' messages ({@link CustomersFirst}).
     */
    int processBatch() throws InterruptedException {
        var urgent = process(URGENT_BATCH, true);
        if (urgent > 0) {
            return urgent;
        }
        customersFirst.giveWay(GIVE_WAY);
        var statuses = process(settings.processingBatchSize(), false);
        if (statuses > 0 && statuses < settings.processingBatchSize()) {
            // A batch that was not full lets more statuses gather before the next: under a broadcast a webhook came
            // every few milliseconds and each batch took two or three, paying a transaction's statements for each
            // few dozen statuses. Customers' messages do not wait for this (UrgentWebhookWorker).
            Thread.sleep(settings.statusGathering().toMillis());
        }
        return statuses;
    }

    /** A batch of the events that carry customers' messages only, for {@link UrgentWebhookWorker}. */
    int processUrgent(int limit) {
        return process(limit, true);
    }

    private int process(int limit, boolean urgent) {
        var events = batch.execute(status -> inbox.lease(limit, clock.instant().plus(LEASE), urgent));
        if (events == null || events.isEmpty()) {
            return 0;
        }
        try {
            batch.executeWithoutResult(status -> applyAll(events));
        } catch (EventFailed failed) {
            recordFailure(failed);
            events.stream().filter(event -> event.id() != failed.event.id()).forEach(this::applyAlone);
        } catch (StatusesFailed failed) {
            // Which event's statuses failed the batch's statement is not known: each is tried alone.
            events.forEach(this::applyAlone);
        }
        return events.size();
    }

    private void applyAlone(WebhookInbox.StoredEvent event) {
        try {
            batch.executeWithoutResult(status -> applyAll(List.of(event)));
        } catch (EventFailed failed) {
            recordFailure(failed);
        }
    }

    private void recordFailure(EventFailed failed) {
        var event = failed.event;
        // The reason is the exception's type only: messages may quote the payload, which is personal data.
        var reason = failed.getCause().getClass().getName();
        log.warn("Webhook event {} failed (attempt {}): {}", event.id(), event.attempts() + 1, reason);
        // Full detail only at debug level: a database error may quote values from the payload.
        log.debug("Webhook event {} failure", event.id(), failed.getCause());
        var about = about(event);
        var parked = batch.execute(status -> inbox.markFailed(event, reason, MAX_ATTEMPTS, about.subjects(),
                about.workspaces()));
        if (Boolean.TRUE.equals(parked)) {
            log.error("Webhook event {} parked after {} attempts ({}); retry it with POST /api/v1/admin/webhook-events/{}/retry",
                    event.id(), MAX_ATTEMPTS, reason, event.id());
        }
    }

    /**
     * Whose numbers a failing event names, so that an erasure finds it parked, and which workspaces it is for, so
     * that the operator sees whom it concerns; none when it cannot be read.
     */
    private About about(WebhookInbox.StoredEvent event) {
        try {
            var notifications = parser.parse(event.body());
            return new About(Subjects.of(notifications), workspaces.of(notifications));
        } catch (RuntimeException unreadable) {
            return new About(java.util.Set.of(), java.util.Set.of());
        }
    }

    private record About(java.util.Set<com.maxmysales.shared.PhoneNumber> subjects,
            java.util.Set<com.maxmysales.shared.WorkspaceId> workspaces) {}

    /** Applies each event, then the delivery statuses of all of them together, then marks them applied. */
    private int applyAll(List<WebhookInbox.StoredEvent> events) {
        var statuses = new java.util.ArrayList<com.maxmysales.whatsapp.WhatsAppStatusReceived>();
        var applied = events.stream().map(event -> apply(event, statuses)).toList();
        try {
            router.publish(statuses);
        } catch (RuntimeException e) {
            if (events.size() == 1) {
                throw new EventFailed(events.getFirst(), e);
            }
            throw new StatusesFailed(e);
        }
        inbox.markApplied(applied);
        return events.size();
    }

    private WebhookInbox.Applied apply(WebhookInbox.StoredEvent event,
            List<com.maxmysales.whatsapp.WhatsAppStatusReceived> statuses) {
        try {
            var notifications = parser.parse(event.body());
            return new WebhookInbox.Applied(event.id(), router.route(notifications, statuses), Subjects.of(notifications));
        } catch (RuntimeException e) {
            throw new EventFailed(event, e);
        }
    }

    /** Applying a batch's statuses together failed: the batch is rolled back and its events applied one by one. */
    private static final class StatusesFailed extends RuntimeException {
        StatusesFailed(RuntimeException cause) {
            super(cause);
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
