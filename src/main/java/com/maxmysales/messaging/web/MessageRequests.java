package com.maxmysales.messaging.web;

import java.util.UUID;

import com.maxmysales.messaging.Lane;
import com.maxmysales.messaging.MessagePurpose;
import com.maxmysales.messaging.OutboundRequest;
import com.maxmysales.messaging.Recipient;
import com.maxmysales.platform.Refusal;
import com.maxmysales.shared.PhoneNumber;
import com.maxmysales.shared.WorkspaceId;
import com.maxmysales.whatsapp.message.InvalidMessage;
import com.maxmysales.whatsapp.message.MetaMessageJson;
import com.maxmysales.whatsapp.message.Text;
import com.maxmysales.whatsapp.message.WhatsAppMessage;

import tools.jackson.databind.JsonNode;

/**
 * {@code POST /api/v1/messages} read into the typed send API: {@code to}, {@code type} and the type's object as
 * Meta documents it, and the optional {@code purpose}, {@code lane}, {@code channelId} and {@code replyTo}. What is
 * malformed is a 400 naming the field; what the send path refuses is answered by {@link OutboundProblems}.
 */
final class MessageRequests {

    private MessageRequests() {
    }

    /**
     * The caller's idempotency key as the outbox keeps it: scoped to the caller (one API key, one person), as the
     * Idempotency-Key filter scopes answers, so that one caller's key never hands back another caller's message (its
     * text and recipient) nor swallows another's send. Null for no key.
     */
    static String callersKey(String key) {
        if (key == null) {
            return null;
        }
        var caller = org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication();
        return "api:" + (caller == null ? "" : caller.getName()) + ":" + key;
    }

    static OutboundRequest read(WorkspaceId workspace, JsonNode request, String idempotencyKey) {
        if (request == null || !request.isObject()) {
            throw invalid("the body must be a JSON object");
        }
        var message = message(request);
        var purpose = purpose(text(request, "purpose"), message);
        return new OutboundRequest(workspace, Recipient.of(phone(text(request, "to"))), message, purpose,
                lane(text(request, "lane"), purpose, message), idempotencyKey, channel(text(request, "channelId")),
                text(request, "replyTo"));
    }

    private static WhatsAppMessage message(JsonNode request) {
        var type = text(request, "type");
        var content = type == null ? null : request.get(type);
        try {
            // Our API also takes a text's body alone, with previewUrl beside it.
            if ("text".equals(type) && content != null && content.isString()) {
                return new Text(content.asString(), request.path("previewUrl").asBoolean(false));
            }
            return MetaMessageJson.read(type, content);
        } catch (InvalidMessage e) {
            throw invalid(e.getMessage());
        }
    }

    /**
     * Templates are marketing unless the caller says they are utility (service), authentication or a lead
     * follow-up, since Meta's own category is known only to the template; free-form messages answer the customer.
     */
    private static MessagePurpose purpose(String requested, WhatsAppMessage message) {
        if (requested == null) {
            return message.freeForm() ? MessagePurpose.SERVICE : MessagePurpose.MARKETING;
        }
        return switch (requested) {
            case "utility", "service" -> MessagePurpose.SERVICE;
            case "authentication" -> MessagePurpose.AUTHENTICATION;
            case "marketing" -> MessagePurpose.MARKETING;
            case "lead_follow_up" -> MessagePurpose.LEAD_FOLLOW_UP;
            default -> throw invalid("purpose must be marketing, utility, service, authentication or lead_follow_up");
        };
    }

    /**
     * The lane asked for, or by default the purpose's first lane, except that a service template (sent outside a
     * conversation) is a notification: it goes after the conversations. A lane ahead of the purpose's first is
     * refused by the send path, whoever asks.
     */
    private static Lane lane(String requested, MessagePurpose purpose, WhatsAppMessage message) {
        if (requested == null) {
            return purpose == MessagePurpose.SERVICE && !message.freeForm() ? Lane.FOLLOW_UP : purpose.firstLane();
        }
        return Lane.fromCode(requested).orElseThrow(() -> invalid("lane must be conversation, bot, follow_up or campaign"));
    }

    private static PhoneNumber phone(String to) {
        if (to == null) {
            throw invalid("to is required");
        }
        try {
            return new PhoneNumber(to.replaceAll("[\\s().-]", ""));
        } catch (IllegalArgumentException e) {
            throw Refusal.invalid("invalid-phone-number", "Invalid phone number",
                    "to must be a phone number in international format, such as +919812345678");
        }
    }

    private static UUID channel(String channelId) {
        if (channelId == null) {
            return null;
        }
        try {
            return UUID.fromString(channelId);
        } catch (IllegalArgumentException notAnId) {
            throw Refusal.notFound("channel " + channelId);
        }
    }

    private static String text(JsonNode node, String field) {
        var value = node.get(field);
        return value == null || !value.isValueNode() || value.isNull() ? null : value.asString();
    }

    private static Refusal invalid(String detail) {
        return Refusal.invalid("invalid-message", "Invalid message", detail);
    }
}
