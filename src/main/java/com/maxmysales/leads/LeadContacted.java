package com.maxmysales.leads;

import java.time.Instant;
import java.util.UUID;

import com.maxmysales.shared.WorkspaceId;

import org.jspecify.annotations.Nullable;

/**
 * A lead's follow-up was queued on WhatsApp: the lead has a conversation now. Ids and times only.
 *
 * @param receivedAt when the lead came in; with {@code contactedAt}, the time to the first WhatsApp contact
 */
public record LeadContacted(WorkspaceId workspaceId, UUID leadId, UUID sourceId, @Nullable String formId,
        Instant receivedAt, Instant contactedAt) {
}
