package com.maxmysales.messaging;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import com.maxmysales.contacts.ContactDirectory;
import com.maxmysales.privacy.masking.MaskedMessage;
import com.maxmysales.privacy.masking.SensitiveDataMasking;
import com.maxmysales.shared.ContactId;
import com.maxmysales.shared.WorkspaceId;
import com.maxmysales.whatsapp.InboundMessage;
import com.maxmysales.whatsapp.WhatsAppMessageReceived;
import com.maxmysales.whatsapp.WhatsAppStatusReceived;
import com.maxmysales.whatsapp.WhatsAppStatusesReceived;

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
    private final DeliveryStatuses statuses;
    private final MessageCipher cipher;
    private final SensitiveDataMasking masking;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    InboundWhatsApp(ContactDirectory contacts, Conversations conversations, Messages messages,
            DeliveryStatuses statuses, MessageCipher cipher, SensitiveDataMasking masking, ApplicationEventPublisher events,
            Clock clock) {
        this.statuses = statuses;
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
        // Card numbers, Aadhaar, health terms... are masked before anything is stored or shown (P1).
        var masked = masking.maskMessage(inbound.text(), inbound.payload());
        if (inbound.change() != null && changedEarlier(workspace, inbound, masked, at)) {
            masking.record(workspace, masked);
            return;
        }
        var conversation = conversations.openAndNote(workspace, contact, received.channelId(), clock.instant(), at, true);
        var id = UUID.randomUUID();
        var stored = messages.insert(new Messages.NewMessage(id, workspace, conversation, received.channelId(), contact,
                "inbound", inbound.type(), cipher.text(workspace, masked.text()),
                cipher.payload(workspace, masked.payload()), inbound.wamid(), inbound.replyToWamid(),
                MessageStatus.RECEIVED, null, at, null, null));
        if (stored) {
            masking.record(workspace, masked);
            noteDetails(workspace, id, conversation, contact, inbound, at);
            events.publishEvent(new MessageReceived(workspace, conversation, id, contact, received.channelId()));
            if (InboundMediaDownloads.MEDIA.contains(inbound.type())) {
                events.publishEvent(new MediaReceived(workspace, id, contact, received.channelId()));
            }
        }
    }

    /**
     * An edit or a revoke of a message we have: applied to it (an edit keeps what it said before). One of a message
     * we never got (lost, or from before the number was connected) is stored as a message of its own instead, so that
     * nothing the customer sent is dropped.
     *
     * @return true when it was applied to the earlier message (or was, by an earlier delivery)
     */
    private boolean changedEarlier(WorkspaceId workspace, InboundMessage inbound, MaskedMessage masked,
            Instant at) {
        var change = inbound.change();
        var original = messages.lockInbound(workspace, change.originalWamid());
        if (original.isEmpty()) {
            return messages.editKnown(workspace, inbound.wamid());
        }
        if (change.revoked()) {
            messages.revoke(workspace, change.originalWamid(), at);
            return true;
        }
        var row = original.get();
        messages.edit(workspace, row.id(), inbound.wamid(), cipher.textBefore(row), cipher.payloadBefore(row),
                inbound.type(), cipher.text(workspace, masked.text()), cipher.payload(workspace, masked.payload()), at);
        return true;
    }

    /** Errors, forwarding and the ad that brought the customer: one more statement, for the messages that have any. */
    private void noteDetails(WorkspaceId workspace, UUID id, UUID conversation, ContactId contact, InboundMessage inbound,
            Instant at) {
        var change = inbound.change();
        if (change != null) {
            // An edit or revoke whose original never reached us: shown as edited, or hidden.
            messages.changedWithoutOriginal(workspace, id, change.revoked(), at);
        }
        if (inbound.errors().isEmpty() && !inbound.forwarded() && inbound.referral() == null) {
            return;
        }
        var error = inbound.errors().isEmpty() ? null : inbound.errors().getFirst();
        messages.noteDetails(workspace, id, inbound.forwarded(), inbound.frequentlyForwarded(),
                cipher.referral(workspace, inbound.referral()), error == null ? null : error.code(),
                error == null ? null : first(error.details(), error.title()));
        if (inbound.referral() != null) {
            conversations.startedFrom(workspace, conversation, id);
            events.publishEvent(new ReferralReceived(workspace, conversation, id, contact));
        }
    }

    private static String first(String one, String other) {
        return one != null ? one : other;
    }

    @EventListener
    void on(WhatsAppStatusesReceived received) {
        var reports = received.statuses().stream().map(this::report).toList();
        var applied = statuses.apply(reports);
        applied.transitions().forEach(moved -> events.publishEvent(new MessageStatusChanged(moved.workspace(),
                moved.id(), moved.status(), moved.errorCode(), moved.channel(), moved.conversation(), moved.previous(),
                moved.ofCampaign())));
        applied.priced().forEach(priced -> events.publishEvent(new MessagePriced(priced.workspace(), priced.id(),
                priced.channel(), priced.category())));
    }

    private DeliveryStatuses.Report report(WhatsAppStatusReceived status) {
        var pricing = status.pricing();
        var error = status.errors().isEmpty() ? null : status.errors().getFirst();
        return new DeliveryStatuses.Report(status.workspaceId(), status.wamid(), ownId(status.callbackData()),
                MessageStatus.of(status.status()), status.timestamp() != null ? status.timestamp() : clock.instant(),
                error == null ? null : error.code(), error == null ? null : error.details(),
                pricing == null ? null : new Message.Pricing(pricing.category(), pricing.model(), pricing.billable(),
                        pricing.conversationId(), pricing.conversationCategory()));
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
