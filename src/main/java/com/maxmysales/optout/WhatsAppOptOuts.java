package com.maxmysales.optout;

import com.maxmysales.contacts.ConsentChange;
import com.maxmysales.contacts.ConsentLedger;
import com.maxmysales.contacts.ConsentSource;
import com.maxmysales.contacts.ConsentStatus;
import com.maxmysales.contacts.ContactDirectory;
import com.maxmysales.contacts.Evidence;
import com.maxmysales.contacts.Purpose;
import com.maxmysales.messaging.ConversationQueries;
import com.maxmysales.messaging.Message;
import com.maxmysales.messaging.MessageReceived;
import com.maxmysales.messaging.OutboundMessages;
import com.maxmysales.shared.WorkspaceId;
import com.maxmysales.tenancy.WorkspaceManagement;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads every customer message for STOP, START, an unsubscribe button or a sentence asking to stop. A stop
 * withdraws everything business-initiated (marketing and lead follow-up) at once — queued sends are checked
 * again before they leave — and is confirmed in the open window with how to come back. The message id is the
 * evidence and the dedupe key, so a redelivered event records and confirms nothing twice.
 */
@Component
class WhatsAppOptOuts {

    private static final Logger log = LoggerFactory.getLogger(WhatsAppOptOuts.class);

    private final ConversationQueries conversations;
    private final OptOutKeywords keywords;
    private final ConsentLedger consent;
    private final ContactDirectory contacts;
    private final OutboundMessages outbound;
    private final WorkspaceManagement workspaces;
    private final OptOutSettings settings;
    private final JsonMapper json;

    WhatsAppOptOuts(ConversationQueries conversations, OptOutKeywords keywords, ConsentLedger consent,
            ContactDirectory contacts, OutboundMessages outbound, WorkspaceManagement workspaces, OptOutSettings settings,
            JsonMapper json) {
        this.conversations = conversations;
        this.keywords = keywords;
        this.consent = consent;
        this.contacts = contacts;
        this.outbound = outbound;
        this.workspaces = workspaces;
        this.settings = settings;
        this.json = json;
    }

    @ApplicationModuleListener
    void on(MessageReceived received) {
        var workspace = received.workspaceId();
        var message = conversations.message(workspace, received.messageId());
        var intent = OptOutDetector.detect(keywords.keywordSet(workspace), message.type(), message.text(),
                message.payload(), json);
        if (intent.isEmpty()) {
            return;
        }
        var changed = switch (intent.get().kind()) {
            case STOP -> stop(workspace, message, intent.get());
            case START -> restart(workspace, message, intent.get());
        };
        if (changed) {
            confirm(workspace, received, message, intent.get());
        }
    }

    private boolean stop(WorkspaceId workspace, Message message, Intent intent) {
        var source = intent.how().equals("button") ? ConsentSource.BUTTON : ConsentSource.WHATSAPP_KEYWORD;
        for (var purpose : Purpose.BUSINESS_INITIATED) {
            consent.record(workspace, message.contactId(), ConsentChange.withdrawal(purpose, source, message.createdAt(),
                    Evidence.ofMessage(message.id(), intent.how() + ": " + intent.matched()), "message:" + message.id()));
        }
        return true;
    }

    /** START re-subscribes only someone who opted out: from anyone else it is not a consent to marketing. */
    private boolean restart(WorkspaceId workspace, Message message, Intent intent) {
        var marketing = consent.current(workspace, message.contactId()).get(Purpose.MARKETING);
        if (marketing == null || marketing.status() != ConsentStatus.WITHDRAWN) {
            return false;
        }
        for (var purpose : Purpose.BUSINESS_INITIATED) {
            consent.record(workspace, message.contactId(), ConsentChange.grant(purpose, ConsentSource.WHATSAPP_KEYWORD,
                    message.createdAt(), null, Evidence.ofMessage(message.id(), "keyword: " + intent.matched()),
                    "message:" + message.id()));
        }
        return true;
    }

    private void confirm(WorkspaceId workspace, MessageReceived received, Message message, Intent intent) {
        var phone = contacts.get(workspace, message.contactId()).phone();
        if (phone == null) {
            log.info("Opt-out recorded for contact {}, who has no phone number to confirm to", message.contactId());
            return;
        }
        var text = settings.reply(intent.kind(), intent.language(), workspaces.get(workspace).name());
        var request = json.createObjectNode().put("to", phone.e164()).put("type", "text").put("text", text)
                .put("purpose", "service").put("channelId", received.channelId().toString());
        outbound.queue(workspace, request, "optout-confirmation:" + message.id());
    }
}
