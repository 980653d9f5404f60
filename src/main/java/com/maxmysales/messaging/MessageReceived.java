package com.maxmysales.messaging;

import java.util.UUID;

import com.maxmysales.shared.ContactId;
import com.maxmysales.shared.WorkspaceId;

/** A customer's message is stored. Ids only: listeners read what they need through the messaging API. */
public record MessageReceived(WorkspaceId workspaceId, UUID conversationId, UUID messageId, ContactId contactId,
        UUID channelId) {
}
