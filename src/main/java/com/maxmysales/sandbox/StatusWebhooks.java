package com.maxmysales.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.maxmysales.sandbox.WebhookPayloads.Change;
import com.maxmysales.sandbox.WebhookPayloads.Entry;
import com.maxmysales.sandbox.WebhookPayloads.MessagesValue;
import com.maxmysales.sandbox.WebhookPayloads.Notification;
import com.maxmysales.sandbox.WebhookPayloads.Status;

import org.springframework.stereotype.Component;

/**
 * Sends statuses as Meta does under load: many {@code statuses[]} of one phone-number id in one webhook,
 * flushed when a batch is full or a short interval has passed. At 1,000 messages a second that is a few
 * dozen POSTs a second instead of three thousand.
 */
@Component
@WhenSandboxEnabled
class StatusWebhooks {

    private final SandboxRegistry registry;
    private final WebhookDelivery delivery;
    private final int batchSize;
    private final Map<String, Batch> batches = new ConcurrentHashMap<>();

    StatusWebhooks(SandboxSettings settings, SandboxRegistry registry, WebhookDelivery delivery,
            SandboxScheduler scheduler) {
        this.registry = registry;
        this.delivery = delivery;
        this.batchSize = settings.webhooks().batchSize();
        scheduler.every(settings.webhooks().batchInterval(), this::flushAll);
    }

    void add(String phoneNumberId, Status status) {
        var full = batches.computeIfAbsent(phoneNumberId, id -> new Batch()).add(status, batchSize);
        if (!full.isEmpty()) {
            send(phoneNumberId, full);
        }
    }

    private void flushAll() {
        batches.forEach((phoneNumberId, batch) -> {
            var statuses = batch.drain();
            if (!statuses.isEmpty()) {
                send(phoneNumberId, statuses);
            }
        });
    }

    private void send(String phoneNumberId, List<Status> statuses) {
        var number = registry.knownNumber(phoneNumberId);
        var value = MessagesValue.statuses(number, statuses);
        delivery.deliver(Notification.of(new Entry(number.wabaId(), null,
                List.of(new Change("messages", value)))));
    }

    private static final class Batch {

        private List<Status> statuses = new ArrayList<>();

        /** Adds one; when that fills the batch, hands the full batch back to be sent. */
        synchronized List<Status> add(Status status, int limit) {
            statuses.add(status);
            return statuses.size() >= limit ? drain() : List.of();
        }

        synchronized List<Status> drain() {
            if (statuses.isEmpty()) {
                return List.of();
            }
            var drained = statuses;
            statuses = new ArrayList<>();
            return drained;
        }
    }
}
