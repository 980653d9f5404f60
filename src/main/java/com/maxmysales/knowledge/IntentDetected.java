package com.maxmysales.knowledge;

import com.maxmysales.shared.WorkspaceId;
import java.time.Instant;

/**
 * A customer's message was classified as one of the workspace's intents. Deliberately without text, contact or
 * conversation: analytics counts these and nothing that could single out a person leaves with them (P2).
 */
public record IntentDetected(WorkspaceId workspaceId, String intent, Instant at) {
}
