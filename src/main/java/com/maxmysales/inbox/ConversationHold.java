package com.maxmysales.inbox;

import java.util.UUID;

import com.maxmysales.shared.WorkspaceId;

/**
 * Another module answering a conversation for now (the chatbot): while it holds one, the round robin does not give
 * it to an agent on the customer's message; it reaches the team when the holder hands it off
 * ({@link InboxHandOffs}).
 */
public interface ConversationHold {

    boolean holds(WorkspaceId workspace, UUID conversation);
}
