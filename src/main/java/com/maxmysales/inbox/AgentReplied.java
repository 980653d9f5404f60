package com.maxmysales.inbox;

import java.util.UUID;

import com.maxmysales.shared.WorkspaceId;

/** A member of the team queued a message in a conversation from the inbox. Ids only. */
public record AgentReplied(WorkspaceId workspaceId, UUID conversationId, UUID agentId) {
}
