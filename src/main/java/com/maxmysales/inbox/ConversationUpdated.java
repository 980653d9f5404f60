package com.maxmysales.inbox;

import java.util.UUID;

import com.maxmysales.shared.WorkspaceId;

/** A conversation's inbox state changed: assignee, status, labels or unread count. Ids only. */
public record ConversationUpdated(WorkspaceId workspaceId, UUID conversationId) {
}
