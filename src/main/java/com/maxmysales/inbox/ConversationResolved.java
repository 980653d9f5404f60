package com.maxmysales.inbox;

import java.util.UUID;

import com.maxmysales.shared.WorkspaceId;

import org.jspecify.annotations.Nullable;

/** The team marked a conversation resolved. Ids only. @param assigneeId who had it then; null for nobody */
public record ConversationResolved(WorkspaceId workspaceId, UUID conversationId, @Nullable UUID assigneeId) {
}
