package com.maxmysales.whatsapp.webhook;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * A dead letter as a row of the operator's page: ids, times and the error's type, never a body (personal data).
 *
 * @param workspaces the workspaces' ids, or "unknown"
 * @param failure the last error's exception type, or "unknown"
 */
public record ParkedWebhookEventRow(long id, String workspaces, String receivedAt, String parkedAt, int attempts,
        String failure) {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    static ParkedWebhookEventRow of(WebhookInbox.Parked parked) {
        return new ParkedWebhookEventRow(parked.id(), workspaces(parked.workspaceIds()), TIME.format(parked.receivedAt()),
                time(parked.parkedAt()), parked.attempts(), parked.failure() == null ? "unknown" : parked.failure());
    }

    private static String workspaces(List<UUID> ids) {
        return ids.isEmpty() ? "unknown" : ids.stream().map(UUID::toString).collect(Collectors.joining(", "));
    }

    private static String time(@Nullable Instant at) {
        return at == null ? "" : TIME.format(at);
    }
}
