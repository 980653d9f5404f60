package com.maxmysales.messaging;

import java.util.UUID;

import com.maxmysales.shared.WorkspaceId;

import org.jspecify.annotations.Nullable;

/**
 * An outbound message moved to a new status: published once per move, in the transaction that made it (a status
 * Meta sends again moves nothing and publishes nothing). Ids and statuses only.
 *
 * @param previous the status it moved from: with {@code status}, the steps it newly reached (Meta may skip one,
 *                 a message read without a {@code delivered} webhook was delivered too)
 * @param channelId the number it was sent from; analytics counts per number
 * @param conversationId the conversation it belongs to; analytics learns from it that the business wrote
 * @param ofCampaign the message was queued by a campaign ({@link OutboundRequest#campaignKey}): campaigns follow
 *                   these statuses and need not look for the others
 */
public record MessageStatusChanged(WorkspaceId workspaceId, UUID messageId, MessageStatus status,
        @Nullable Integer errorCode, @Nullable UUID channelId, @Nullable UUID conversationId,
        MessageStatus previous, boolean ofCampaign) {
}
