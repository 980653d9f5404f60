package com.maxmysales.messaging;

import java.time.Instant;
import java.util.UUID;

import com.maxmysales.shared.ContactId;

public record Conversation(UUID id, ContactId contactId, UUID channelId, String state, Instant openedAt,
        Instant lastInboundAt, Instant lastMessageAt, Instant endedAt) {
}
