package com.maxmysales.campaigns;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import com.maxmysales.shared.WorkspaceId;

import org.jspecify.annotations.Nullable;

/**
 * A template broadcast.
 *
 * @param pausedReason why the platform paused it by itself (Meta paused its template); null otherwise
 * @param snapshotDone whether its whole audience was read into its recipients (a page per engine step from its start)
 */
public record Campaign(UUID id, WorkspaceId workspaceId, String name, UUID channelId, String templateName,
        String templateLanguage, Audience audience, Map<String, Variable> variables, CampaignStatus status,
        @Nullable Instant scheduledAt, @Nullable String pausedReason, boolean snapshotDone, Instant createdAt,
        @Nullable Instant launchedAt, @Nullable Instant finishedAt) {

    /** Launched and its audience still being read: its recipients and counts grow as the pages are recorded. */
    public boolean readingAudience() {
        return !snapshotDone && (status == CampaignStatus.RUNNING || status == CampaignStatus.PAUSED);
    }

    /** The outbox's idempotency key of this campaign's message to a contact: the same contact is never sent twice. */
    public String keyFor(UUID contact) {
        return com.maxmysales.messaging.OutboundRequest.campaignKey(id, contact);
    }
}
