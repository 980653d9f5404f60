package com.maxmysales.messaging;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.UUID;

import com.maxmysales.contacts.ConsentLedger;
import com.maxmysales.contacts.ContactDirectory;
import com.maxmysales.contacts.Purpose;
import com.maxmysales.contacts.SendPermission;
import com.maxmysales.platform.ApiProblem;
import com.maxmysales.shared.PhoneNumber;
import com.maxmysales.shared.WorkspaceId;
import com.maxmysales.whatsapp.Channel;
import com.maxmysales.whatsapp.ChannelManagement;
import com.maxmysales.whatsapp.GraphClient;
import com.maxmysales.whatsapp.SendOutcome;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Queues a message for sending: validated, checked against the 24-hour window, stored in the outbox with
 * its idempotency key, then sent by the dispatcher. A second request with the same key gets the first
 * message back and sends nothing.
 */
@Service
public class OutboundMessages {

    private final ChannelManagement channels;
    private final ContactDirectory contacts;
    private final ConsentLedger consent;
    private final Conversations conversations;
    private final Messages messages;
    private final MessageCipher cipher;
    private final DispatchSignal dispatch;
    private final GraphClient graph;
    private final JsonMapper json;
    private final Clock clock;

    OutboundMessages(ChannelManagement channels, ContactDirectory contacts, ConsentLedger consent, Conversations conversations,
            Messages messages, MessageCipher cipher, DispatchSignal dispatch, GraphClient graph, JsonMapper json,
            Clock clock) {
        this.graph = graph;
        this.channels = channels;
        this.contacts = contacts;
        this.consent = consent;
        this.conversations = conversations;
        this.messages = messages;
        this.cipher = cipher;
        this.dispatch = dispatch;
        this.json = json;
        this.clock = clock;
    }

    /**
     * @param request the API's message: {@code to}, {@code type}, the type's content, optional {@code channelId},
     *                {@code replyTo} (a wamid to quote) and {@code purpose}; refused with 409 when the purpose
     *                may not go to the recipient (see {@link ConsentLedger})
     */
    @Transactional
    public Message queue(WorkspaceId workspace, JsonNode request, String idempotencyKey) {
        if (idempotencyKey != null) {
            var earlier = messages.findByIdempotencyKey(workspace, idempotencyKey);
            if (earlier.isPresent()) {
                return cipher.open(earlier.get());
            }
        }
        var content = OutboundContent.of(text(request, "type"), request, json);
        var purpose = purpose(text(request, "purpose"), content);
        var to = phone(text(request, "to"));
        var channel = channel(workspace, text(request, "channelId"));
        var contact = contacts.findOrCreate(workspace, to);
        var now = clock.instant();
        var windowOpen = conversations.windowOpen(workspace, contact, channel.id(), now);
        if (content.freeForm() && !windowOpen) {
            throw new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "outside-service-window",
                    "Outside the 24-hour window", "free-form messages may be sent only within 24 hours of the "
                    + "customer's last message; send an approved template instead");
        }
        refuseWithoutConsent(consent.mayContact(workspace, contact, purpose, content.freeForm() && windowOpen), purpose);
        var conversation = conversations.openAndNote(workspace, contact, channel.id(), now, now, false);
        var id = UUID.randomUUID();
        var inserted = messages.insert(new Messages.NewMessage(id, workspace, conversation, channel.id(), contact,
                "outbound", content.type(), cipher.text(workspace, content.text()),
                cipher.payload(workspace, content.payload().toString()), null, text(request, "replyTo"),
                MessageStatus.QUEUED, idempotencyKey, now, purpose));
        if (!inserted) {
            // A concurrent request with the same key won the insert: answer with its message.
            return cipher.open(messages.findByIdempotencyKey(workspace, idempotencyKey).orElseThrow());
        }
        dispatch.afterCommit();
        return cipher.open(messages.find(workspace, id).orElseThrow());
    }

    /**
     * Templates are marketing unless the caller says they are utility (service) or a lead follow-up, since
     * Meta's own category is known only to the template; free-form messages answer the customer (service).
     */
    private static Purpose purpose(String requested, OutboundContent content) {
        if (requested == null) {
            return content.freeForm() ? Purpose.SERVICE : Purpose.MARKETING;
        }
        return switch (requested) {
            case "utility", "service", "authentication" -> Purpose.SERVICE;
            case "marketing" -> Purpose.MARKETING;
            case "lead_follow_up" -> Purpose.LEAD_FOLLOW_UP;
            default -> throw new ApiProblem(HttpStatus.BAD_REQUEST, "invalid-message", "Invalid message",
                    "purpose must be marketing, utility, service or lead_follow_up");
        };
    }

    private static void refuseWithoutConsent(SendPermission permission, Purpose purpose) {
        if (permission.allowed()) {
            return;
        }
        var extensions = new LinkedHashMap<String, Object>();
        extensions.put("purpose", purpose.code());
        if (permission.source() != null) {
            extensions.put("withdrawnVia", permission.source().code());
            extensions.put("withdrawnAt", permission.since().toString());
        }
        throw new ApiProblem(HttpStatus.CONFLICT, permission.refusal(),
                SendPermission.OPTED_OUT.equals(permission.refusal()) ? "Recipient opted out" : "No consent recorded",
                permission.detail(), extensions);
    }

    /** Tells the customer their message was read (blue ticks), at once: nothing to queue or retry. */
    public void markRead(WorkspaceId workspace, UUID messageId) {
        var message = messages.find(workspace, messageId).orElseThrow(() -> ApiProblem.notFound("message " + messageId));
        if (!"inbound".equals(message.direction()) || message.wamid() == null) {
            throw new ApiProblem(HttpStatus.CONFLICT, "not-an-inbound-message", "Not a customer's message",
                    "only messages a customer sent can be marked read");
        }
        var outcome = graph.markRead(channels.get(workspace, message.channel()), message.wamid());
        if (outcome instanceof SendOutcome.Refused refused) {
            throw new ApiProblem(HttpStatus.BAD_GATEWAY, "graph-refused", "Meta refused",
                    "Meta answered error " + refused.error().code() + ": " + refused.error().details());
        }
    }

    private Channel channel(WorkspaceId workspace, String channelId) {
        if (channelId != null) {
            try {
                return channels.get(workspace, UUID.fromString(channelId));
            } catch (IllegalArgumentException notAnId) {
                throw ApiProblem.notFound("channel " + channelId);
            }
        }
        return channels.list(workspace).stream().findFirst().orElseThrow(() -> new ApiProblem(
                HttpStatus.UNPROCESSABLE_CONTENT, "no-channel", "No WhatsApp number",
                "connect a WhatsApp number (POST /api/v1/channels) before sending"));
    }

    private static PhoneNumber phone(String to) {
        if (to == null) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "invalid-message", "Invalid message", "to is required");
        }
        try {
            return new PhoneNumber(to.replaceAll("[\\s().-]", ""));
        } catch (IllegalArgumentException e) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "invalid-phone-number", "Invalid phone number",
                    "to must be a phone number in international format, such as +919812345678");
        }
    }

    private static String text(JsonNode node, String field) {
        var value = node.get(field);
        return value == null || !value.isValueNode() || value.isNull() ? null : value.asString();
    }
}
