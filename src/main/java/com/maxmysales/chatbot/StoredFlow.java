package com.maxmysales.chatbot;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A flow as stored: the editor's draft and the version the bot runs.
 *
 * @param live the draft as last published; null until it is
 */
public record StoredFlow(UUID id, String name, String draft, @Nullable String live, Instant updatedAt) {

    public boolean published() {
        return live != null;
    }

    /** Published, and the draft has changes the bot does not run yet. */
    public boolean changedSincePublished() {
        return live != null && !live.equals(draft);
    }
}
