package com.maxmysales.chatbot;

import java.util.UUID;

import com.maxmysales.shared.WorkspaceId;

/**
 * The bot answered a customer's message in a conversation, or handed it to the team. Ids only: analytics counts from it
 * the conversations the bot ended without a person (containment).
 */
public record BotTurnTaken(WorkspaceId workspaceId, UUID conversationId, boolean handedOff) {
}
