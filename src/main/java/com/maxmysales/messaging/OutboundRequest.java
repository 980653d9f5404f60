package com.maxmysales.messaging;

import java.util.Objects;
import java.util.UUID;

import com.maxmysales.shared.WorkspaceId;
import com.maxmysales.whatsapp.message.WhatsAppMessage;

/**
 * A message to queue through {@link Outbound}.
 *
 * @param idempotencyKey the same key in the workspace gives back the first message and sends nothing again;
 *                       null when the caller has none
 * @param channel the number to send from; null for the workspace's first
 * @param replyToWamid the customer's message this one quotes; null for none
 */
public record OutboundRequest(WorkspaceId workspace, Recipient to, WhatsAppMessage message, MessagePurpose purpose,
        Lane lane, String idempotencyKey, UUID channel, String replyToWamid) {

    /** The start of every {@link #campaignKey}; an API caller's keys start with {@code api:} and never with this. */
    static final String CAMPAIGN_KEY_PREFIX = "campaign:";

    public OutboundRequest {
        Objects.requireNonNull(workspace, "workspace");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(lane, "lane");
    }

    /**
     * The idempotency key of a campaign's message to a contact: the same contact is never sent it twice, and a status
     * of a message queued under such a key is marked {@link MessageStatusChanged#ofCampaign()}.
     */
    public static String campaignKey(UUID campaign, UUID contact) {
        return CAMPAIGN_KEY_PREFIX + campaign + ":" + contact;
    }

    /** Whether this is a campaign's message: its lane's and under a {@link #campaignKey}, as V285's trigger tells them. */
    boolean campaigns() {
        return lane == Lane.CAMPAIGN && idempotencyKey != null && idempotencyKey.startsWith(CAMPAIGN_KEY_PREFIX);
    }

    /** SQL: whether the row {@code messages} (or the alias given) was queued under a {@link #campaignKey}. */
    static String ofCampaign(String messages) {
        return "coalesce(" + messages + ".idempotency_key like '" + CAMPAIGN_KEY_PREFIX + "%', false)";
    }

    public static OutboundRequest of(WorkspaceId workspace, Recipient to, WhatsAppMessage message, MessagePurpose purpose,
            Lane lane) {
        return new OutboundRequest(workspace, to, message, purpose, lane, null, null, null);
    }

    public OutboundRequest withIdempotencyKey(String key) {
        return new OutboundRequest(workspace, to, message, purpose, lane, key, channel, replyToWamid);
    }

    public OutboundRequest onChannel(UUID number) {
        return new OutboundRequest(workspace, to, message, purpose, lane, idempotencyKey, number, replyToWamid);
    }

    public OutboundRequest replyingTo(String wamid) {
        return new OutboundRequest(workspace, to, message, purpose, lane, idempotencyKey, channel, wamid);
    }
}
