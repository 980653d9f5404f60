package com.maxmysales.messaging;

import java.util.UUID;

import com.maxmysales.shared.WorkspaceId;

import org.jspecify.annotations.Nullable;

/**
 * An outbound message moved to a new status. Ids, the status and Meta's pricing category only.
 *
 * @param channelId the number it was sent from; analytics counts per number
 * @param conversationId the conversation it belongs to; analytics learns from it that the business wrote
 * @param pricingCategory Meta's pricing category when this status carried one (marketing, utility, ...)
 * @param ofCampaign the message was queued by a campaign ({@link OutboundRequest#campaignKey}): campaigns follow
 *                   these statuses and need not look for the others
 */
public record MessageStatusChanged(WorkspaceId workspaceId, UUID messageId, MessageStatus status,
        @Nullable Integer errorCode, @Nullable UUID channelId, @Nullable UUID conversationId,
        @Nullable String pricingCategory, boolean ofCampaign) {
}
