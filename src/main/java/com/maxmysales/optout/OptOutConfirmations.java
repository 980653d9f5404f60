package com.maxmysales.optout;

import com.maxmysales.contacts.ContactDirectory;
import com.maxmysales.messaging.OutboundMessages;
import com.maxmysales.platform.Refusal;
import com.maxmysales.tenancy.WorkspaceManagement;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import tools.jackson.databind.json.JsonMapper;

/**
 * Confirms a recorded STOP or START on WhatsApp, with how to come back. Meta allows the free-form reply only in
 * the 24-hour window: a STOP redelivered a day late stays recorded and is not confirmed. The idempotency key is
 * the customer's message, so a listener run twice queues one confirmation.
 */
@Component
class OptOutConfirmations {

    private static final Logger log = LoggerFactory.getLogger(OptOutConfirmations.class);

    private final ContactDirectory contacts;
    private final OutboundMessages outbound;
    private final WorkspaceManagement workspaces;
    private final OptOutSettings settings;
    private final JsonMapper json;

    OptOutConfirmations(ContactDirectory contacts, OutboundMessages outbound, WorkspaceManagement workspaces,
            OptOutSettings settings, JsonMapper json) {
        this.contacts = contacts;
        this.outbound = outbound;
        this.workspaces = workspaces;
        this.settings = settings;
        this.json = json;
    }

    /** Outside a transaction of its own, so that a refused send rolls back only the send, inside {@code queue}. */
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
        var request = json.createObjectNode().put("to", phone.get().e164()).put("type", "text").put("text", text)
                .put("purpose", "service").put("channelId", recorded.channelId().toString());
        try {
            outbound.queue(workspace, request, "optout-confirmation:" + recorded.messageId());
        } catch (Refusal refused) {
            // Refused for good (the window has closed, the number is gone): retrying would not change it.
            log.info("Opt-out of contact {} recorded, not confirmed: {}", recorded.contactId(), refused.code());
        }
    }
}
