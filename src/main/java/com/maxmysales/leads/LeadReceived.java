package com.maxmysales.leads;

import java.time.Instant;
import java.util.UUID;

import com.maxmysales.shared.WorkspaceId;

import org.jspecify.annotations.Nullable;

/**
 * A lead (not a test lead) was taken in and matched to a contact or refused. Ids only, never the answers.
 *
 * @param formId the ad platform's form id, when it named one
 */
public record LeadReceived(WorkspaceId workspaceId, UUID leadId, UUID sourceId, @Nullable String formId,
        Instant receivedAt) {
}
