package com.maxmysales.integrations;

import java.time.Instant;
import java.util.UUID;

/** One attempt series at telling a subscription about one event: the delivery log's row. */
public record Delivery(UUID id, UUID subscriptionId, String eventType, String state, int attempts,
        Integer lastStatusCode, String lastError, Instant createdAt, Instant deliveredAt, Instant nextAttemptAt) {
}
