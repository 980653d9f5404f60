package com.maxmysales.messaging.web;

import java.time.Instant;
import java.util.UUID;

import com.maxmysales.messaging.Message;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A message as the API shows it; {@code content} is the type's own object (template components, media...), and
 * {@code lane} an outbound message's place among its number's waiting messages. {@code errorCode} is also Meta's
 * error about an inbound message (131051: a type it does not support); {@code referral} the click-to-WhatsApp ad
 * it came from; a message the customer deleted is {@code revoked}, without text or content; {@code pricing} is
 * Meta's price of an outbound one. {@code sentFrom} says who sent an outbound message: {@code platform} (queued here)
 * or {@code business_app} (typed in the WhatsApp Business app on a number shared with it, echoed by Meta, never sent by
 * the platform). A call is a message of type {@code call}, inbound when the customer called, whose {@code content}
 * is the call as it stands: {@code callId}, {@code initiatedBy}, {@code status}, {@code startedAt}, {@code endedAt},
 * {@code durationSeconds}.
 */
record MessageBody(UUID id, UUID conversationId, String direction, String type, String text, JsonNode content,
        String status, String wamid, String replyTo, Integer errorCode, String errorDetail, Instant createdAt, Instant sentAt,
        Instant deliveredAt, Instant readAt, Instant failedAt, UUID mediaId, String purpose, String lane,
        boolean forwarded, boolean frequentlyForwarded, Instant editedAt, boolean revoked, Instant revokedAt,
        JsonNode referral, Message.Pricing pricing, String sentFrom) {

    static MessageBody of(Message message, JsonMapper json) {
        return new MessageBody(message.id(), message.conversationId(), message.direction(), message.type(),
                message.text(), message.payload() == null ? null : json.readTree(message.payload()),
                message.status().apiCode(), message.wamid(), message.replyToWamid(), message.errorCode(), message.errorDetail(),
                message.createdAt(), message.sentAt(), message.deliveredAt(), message.readAt(), message.failedAt(),
                message.mediaId(), message.purpose() == null ? null : message.purpose().code(),
                message.lane() == null ? null : message.lane().code(), message.details().forwarded(),
                message.details().frequentlyForwarded(), message.details().editedAt(),
                message.details().revokedAt() != null, message.details().revokedAt(),
                message.details().referral() == null ? null : json.readTree(message.details().referral()),
                message.details().pricing(), sentFrom(message));
    }

    private static String sentFrom(Message message) {
        if (!"outbound".equals(message.direction()) || "call".equals(message.type())) {
            return null;
        }
        return message.details().fromBusinessApp() ? "business_app" : "platform";
    }
}
