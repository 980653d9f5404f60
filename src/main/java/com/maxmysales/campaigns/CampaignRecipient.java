package com.maxmysales.campaigns;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One contact of a campaign's audience and how far its message got.
 *
 * @param exclusion why it was excluded (or withdrawn), null when it was not
 * @param errorDetail the failure's code in words
 */
public record CampaignRecipient(long seq, UUID contactId, RecipientStatus status, @Nullable Exclusion exclusion,
        @Nullable UUID messageId, @Nullable Integer errorCode, @Nullable String errorDetail, @Nullable Instant queuedAt,
        @Nullable Instant sentAt, @Nullable Instant deliveredAt, @Nullable Instant readAt, @Nullable Instant repliedAt,
        @Nullable Instant failedAt, @Nullable Instant optedOutAt) {
}
