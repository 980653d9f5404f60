package com.maxmysales.inbox;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * An internal note on a conversation, decrypted: for the team only, never sent to the customer.
 *
 * @param authorId the business user who wrote it; null when written with an API key
 * @param text null once the conversation's content retention removed it
 */
public record Note(UUID id, UUID conversationId, @Nullable UUID authorId, @Nullable String text, Instant createdAt) {}
