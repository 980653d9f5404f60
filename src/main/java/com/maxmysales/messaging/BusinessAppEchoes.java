package com.maxmysales.messaging;

import java.time.Clock;
import java.util.UUID;

import com.maxmysales.contacts.ContactDirectory;
import com.maxmysales.privacy.masking.SensitiveDataMasking;
import com.maxmysales.whatsapp.BusinessAppMessageEchoed;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Puts what the business sent from the WhatsApp Business app (a coexistence number, echoed by Meta) in the
 * conversation, inside the webhook's transaction: an outbound message, already sent, marked as from the app, which
 * the dispatcher never claims (it claims queued messages only) — the customer has it. An edit or deletion the
 * business made in the app changes the message it names, as a customer's does theirs. A redelivered echo (same
 * wamid) changes nothing.
 *
 * <p>The text is screened like a customer's before it is stored: it was typed outside the platform, and may carry a
 * card number or an Aadhaar the platform must not hold (P1).
 */
@Component
class BusinessAppEchoes {

    private final ContactDirectory contacts;
    private final Conversations conversations;
    private final Messages messages;
    private final MessageCipher cipher;
    private final SensitiveDataMasking masking;
    private final Clock clock;

    BusinessAppEchoes(ContactDirectory contacts, Conversations conversations, Messages messages, MessageCipher cipher,
            SensitiveDataMasking masking, Clock clock) {
        this.contacts = contacts;
        this.conversations = conversations;
        this.messages = messages;
        this.cipher = cipher;
        this.masking = masking;
        this.clock = clock;
    }

    @EventListener
    void on(BusinessAppMessageEchoed echoed) {
        var workspace = echoed.workspaceId();
        var customer = echoed.customer();
        var echo = echoed.message();
        if (customer.waId() == null && customer.userId() == null) {
            return;
        }
        var at = echo.timestamp() != null ? echo.timestamp() : clock.instant();
        var masked = masking.maskMessage(echo.text(), echo.payload());
        var change = echo.change();
        if (change != null) {
            var original = messages.lockByWamid(workspace, change.originalWamid())
                    .filter(row -> "outbound".equals(row.direction()));
            if (original.isPresent()) {
                if (change.revoked()) {
                    messages.revokeSent(workspace, change.originalWamid(), at);
                } else {
                    var row = original.get();
                    messages.edit(workspace, row.id(), echo.wamid(), cipher.textBefore(row), cipher.payloadBefore(row),
                            echo.type(), cipher.text(workspace, masked.text()), cipher.payload(workspace, masked.payload()),
                            at);
                }
                masking.record(workspace, masked);
                return;
            }
            if (messages.editKnown(workspace, echo.wamid())) {
                return;
            }
        }
        var contact = contacts.identifyWhatsAppSender(workspace, customer.waId(), customer.userId(),
                customer.profileName());
        // The business wrote: the conversation moves on, the customer's 24-hour window does not open.
        var conversation = conversations.openAndNote(workspace, contact, echoed.channelId(), clock.instant(), at, false);
        var id = UUID.randomUUID();
        var stored = messages.insert(new Messages.NewMessage(id, workspace, conversation, echoed.channelId(), contact,
                "outbound", echo.type(), cipher.text(workspace, masked.text()),
                cipher.payload(workspace, masked.payload()), echo.wamid(), echo.replyToWamid(), MessageStatus.SENT, null,
                at, null, null));
        if (stored) {
            messages.markSentFromBusinessApp(workspace, id, at);
            masking.record(workspace, masked);
            if (change != null) {
                // An edit or deletion of a message sent before the number was connected here: shown as edited, or hidden.
                messages.changedWithoutOriginal(workspace, id, change.revoked(), at);
            }
        }
    }
}
