package com.maxmysales.whatsapp;

import java.time.Instant;
import java.util.UUID;

import com.maxmysales.shared.WorkspaceId;

/**
 * A WhatsApp Business number connected to a workspace.
 *
 * @param phoneNumberId Meta's id of the number: the routing key of every webhook and send
 * @param messagesPerSecond the number's throughput limit (Meta: 80 by default, up to 1,000)
 */
public record Channel(UUID id, WorkspaceId workspaceId, String phoneNumberId, String wabaId, String displayPhoneNumber,
        String graphBaseUrl, String graphVersion, int messagesPerSecond, boolean sandbox, Instant createdAt) {
}
