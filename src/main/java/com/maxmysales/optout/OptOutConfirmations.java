package com.maxmysales.optout;

import com.maxmysales.contacts.ContactDirectory;
import com.maxmysales.messaging.Lane;
import com.maxmysales.messaging.MessagePurpose;
import com.maxmysales.messaging.Outbound;
import com.maxmysales.messaging.OutboundRequest;
import com.maxmysales.messaging.OutboundResult;
import com.maxmysales.messaging.Recipient;
import com.maxmysales.tenancy.WorkspaceManagement;
import com.maxmysales.whatsapp.message.Text;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

/**
 * Confirms a recorded STOP or START on WhatsApp, with how to come back. Meta allows the free-form reply only in
 * the 24-hour window: a STOP redelivered a day late stays recorded and is not confirmed. The idempotency key is
 * the customer's message, so a listener run twice queues one confirmation.
 */
@Component
class OptOutConfirmations {

    private static final Logger log = LoggerFactory.getLogger(OptOutConfirmations.class);

    private final ContactDirectory contacts;
    private final Outbound outbound;
    private final WorkspaceManagement workspaces;
    private final OptOutSettings settings;

    OptOutConfirmations(ContactDirectory contacts, Outbound outbound, WorkspaceManagement workspaces,
            OptOutSettings settings) {
        this.contacts = contacts;
        this.outbound = outbound;
        this.workspaces = workspaces;
        this.settings = settings;
    }

    /** Outside a transaction of its own: the send is one of its own, whatever the outcome. */
    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(WhatsAppOptOutRecorded recorded) {
        var workspace = recorded.workspaceId();
        var phone = contacts.phoneOf(workspace, recorded.contactId());
        if (phone.isEmpty()) {
            log.info("Opt-out recorded for contact {}, who has no phone number to confirm to", recorded.contactId());
            return;
        }
        var kind = recorded.stop() ? Intent.Kind.STOP : Intent.Kind.START;
        var text = settings.reply(kind, recorded.language(), workspaces.get(workspace).name());
        // An answer in the customer's own conversation: it goes before anything else waiting on the number.
        var result = outbound.queue(OutboundRequest.of(workspace, Recipient.of(recorded.contactId()), Text.of(text),
                MessagePurpose.SERVICE, Lane.CONVERSATION)
                .withIdempotencyKey("optout-confirmation:" + recorded.messageId()).onChannel(recorded.channelId()));
        if (result instanceof OutboundResult.Refused refused) {
            // Refused for good (the window has closed, the number is gone): retrying would not change it.
            log.info("Opt-out of contact {} recorded, not confirmed: {}", recorded.contactId(), refused.reason().code());
        }
    }
}
