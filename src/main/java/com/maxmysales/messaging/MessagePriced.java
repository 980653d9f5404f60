package com.maxmysales.messaging;

import java.util.UUID;

import com.maxmysales.shared.WorkspaceId;

/**
 * Meta told the price of an outbound message for the first time: its pricing category (marketing, utility, ...),
 * published once per message whichever of its statuses carried it first, moved or not.
 */
public record MessagePriced(WorkspaceId workspaceId, UUID messageId, UUID channelId, String category) {
}
