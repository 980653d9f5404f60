package com.maxmysales.messaging;

import java.time.Clock;
import java.util.UUID;

import com.maxmysales.contacts.ContactDirectory;
import com.maxmysales.privacy.masking.SensitiveDataMasking;
import com.maxmysales.whatsapp.WhatsAppMessageReceived;
import com.maxmysales.whatsapp.WhatsAppStatusReceived;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Applies what the whatsapp module parsed, inside the transaction that processes the webhook event: the
 * contact, the conversation and the message are stored together with the event's "processed" mark, or not
 * at all. A redelivered message (same wamid) or status changes nothing and publishes nothing.
 */
@Component
class InboundWhatsApp {

    private final ContactDirectory contacts;
    private final Conversations conversations;
    private final Messages messages;
    private final MessageCipher cipher;
    private final SensitiveDataMasking masking;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    InboundWhatsApp(ContactDirectory contacts, Conversations conversations, Messages messages, MessageCipher cipher,
            SensitiveDataMasking masking, ApplicationEventPublisher events, Clock clock) {
        this.contacts = contacts;
        this.conversations = conversations;
        this.messages = messages;
        this.cipher = cipher;
        this.masking = masking;
        this.events = events;
        this.clock = clock;
    }

    @EventListener
    void on(WhatsAppMessageReceived received) {
        var workspace = received.workspaceId();
        var sender = received.sender();
        var inbound = received.message();
        var at = inbound.timestamp() != null ? inbound.timestamp() : clock.instant();
        // A redelivered message notes the same time again: harmless, and it saves a statement on every new one.
        var contact = contacts.wroteOnWhatsApp(workspace, sender.waId(), sender.userId(), sender.profileName(), at);
        var conversation = conversations.openAndNote(workspace, contact, received.channelId(), clock.instant(), at, true);
        var id = UUID.randomUUID();
        // Card numbers, Aadhaar, health terms... are masked before anything is stored or shown (P1).
        var masked = masking.maskMessage(inbound.text(), inbound.payload());
        var stored = messages.insert(new Messages.NewMessage(id, workspace, conversation, received.channelId(), contact,
                "inbound", inbound.type(), cipher.text(workspace, masked.text()),
                cipher.payload(workspace, masked.payload()), inbound.wamid(), inbound.replyToWamid(),
                MessageStatus.RECEIVED, null, at, null, null));
        if (stored) {
            masking.record(workspace, masked);
            events.publishEvent(new MessageReceived(workspace, conversation, id, contact, received.channelId()));
            if (InboundMediaDownloads.MEDIA.contains(inbound.type())) {
                events.publishEvent(new MediaReceived(workspace, id, contact, received.channelId()));
            }
        }
    }

    @EventListener
    void on(WhatsAppStatusReceived status) {
        var error = status.errors().isEmpty() ? null : status.errors().getFirst();
        var applied = messages.applyStatus(status.workspaceId(), status.wamid(), ownId(status.callbackData()),
                MessageStatus.of(status.status()), status.timestamp() != null ? status.timestamp() : clock.instant(),
                error == null ? null : error.code(), error == null ? null : error.details());
        applied.forEach(row -> events.publishEvent(
                new MessageStatusChanged(status.workspaceId(), row.id(), row.status(), row.errorCode())));
    }

    /** Our message id, which every send puts in {@code biz_opaque_callback_data}. */
    private static UUID ownId(String callbackData) {
        try {
            return callbackData == null ? null : UUID.fromString(callbackData);
        } catch (IllegalArgumentException notOurs) {
            return null;
        }
    }
}
