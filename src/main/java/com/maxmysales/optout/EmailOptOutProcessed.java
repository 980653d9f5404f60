package com.maxmysales.optout;

import java.time.Instant;

import com.maxmysales.shared.WorkspaceId;

/**
 * An "Unsubscribe" email request was processed (applied or closed), for its time against the 10-business-day
 * deadline. No sender, no contact.
 *
 * @param key the same for the same request, so it is counted once
 */
public record EmailOptOutProcessed(WorkspaceId workspaceId, String key, Instant receivedAt, Instant dueAt,
        Instant processedAt) {
}
