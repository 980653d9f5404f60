package com.maxmysales.whatsapp.webhook;

import java.util.List;

import com.maxmysales.privacy.audit.AuditLog;

import org.jspecify.annotations.Nullable;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Dead letters: webhook events that kept failing, parked rather than dropped. Counted for Prometheus as
 * {@code maxmysales_webhook_events_parked} (alert on anything above zero), listed for the operator with their
 * error, and made due again when the operator has fixed the cause.
 */
@Service
class ParkedWebhookEvents {

    static final int LIST_LIMIT = 500;

    private final WebhookInbox inbox;
    private final WebhookProcessor processor;
    private final AuditLog audit;

    ParkedWebhookEvents(WebhookInbox inbox, WebhookProcessor processor, AuditLog audit, MeterRegistry meters) {
        this.inbox = inbox;
        this.processor = processor;
        this.audit = audit;
        Gauge.builder("maxmysales.webhook.events.parked", inbox, WebhookInbox::parkedCount)
                .description("Webhook events that kept failing and wait for the operator (dead letters)")
                .register(meters);
    }

    List<WebhookInbox.Parked> list() {
        return inbox.parked(LIST_LIMIT);
    }

    int count() {
        return inbox.parkedCount();
    }

    /** @param id one event, or null for all; @return how many are pending again */
    @Transactional
    int retry(@Nullable Long id) {
        var count = inbox.unpark(id);
        audit.record(null, "webhook-event.retry", id == null ? "webhookEvents=parked" : "webhookEventId=" + id,
                "count=" + count);
        processor.wake();
        return count;
    }
}
