package com.maxmysales.optout;

import java.time.Clock;
import java.util.List;
import java.util.Set;

import com.maxmysales.contacts.ConsentAct;
import com.maxmysales.contacts.ConsentLedger;
import com.maxmysales.contacts.ConsentSource;
import com.maxmysales.contacts.ContactDirectory;
import com.maxmysales.contacts.Evidence;
import com.maxmysales.contacts.Purpose;
import com.maxmysales.messaging.ConversationQueries;
import com.maxmysales.messaging.MessageStatus;
import com.maxmysales.messaging.MessageStatusChanged;
import com.maxmysales.whatsapp.MarketingPreferenceChanged;

import org.springframework.context.event.EventListener;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Opt-outs Meta tells us about, recorded as marketing-only withdrawals: a customer who stopped marketing
 * in WhatsApp itself ({@code user_preferences}), and a marketing template Meta refused with 131050
 * because of it. Heard synchronously: the preference event carries a phone number, and both must be in
 * the ledger before the next send is checked.
 */
@Component
class MetaOptOuts {

    static final int USER_STOPPED_MARKETING = 131050;
    private static final List<Purpose> MARKETING = List.of(Purpose.MARKETING);
    /** A resume undoes a stop made in WhatsApp; it does not override a STOP or an email sent to the business. */
    private static final Set<ConsentSource> WHATSAPPS_OWN = Set.of(ConsentSource.META_USER_PREFERENCES,
            ConsentSource.ERROR_131050);

    private final ContactDirectory contacts;
    private final ConsentLedger consent;
    private final ConversationQueries conversations;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    MetaOptOuts(ContactDirectory contacts, ConsentLedger consent, ConversationQueries conversations, Clock clock, ApplicationEventPublisher events) {
        this.events = events;
        this.contacts = contacts;
        this.consent = consent;
        this.conversations = conversations;
        this.clock = clock;
    }

    @EventListener
    void on(MarketingPreferenceChanged changed) {
        var workspace = changed.workspaceId();
        var sender = changed.sender();
        var contact = contacts.identifyWhatsAppSender(workspace, sender.waId(), sender.userId(), sender.profileName());
        var at = changed.timestamp() != null ? changed.timestamp() : clock.instant();
        var key = "user_preferences:" + at.getEpochSecond() + ":" + (changed.stopped() ? "stop" : "resume");
        if (changed.stopped()) {
            consent.optOut(workspace, contact, MARKETING, new ConsentAct(ConsentSource.META_USER_PREFERENCES, at,
                    Evidence.of("stopped marketing messages in WhatsApp"), key));
            events.publishEvent(new OptOutRecorded(workspace, OptOutChannel.META, key + ":" + contact.value(), at));
        } else {
            consent.optIn(workspace, contact, MARKETING, new ConsentAct(ConsentSource.META_USER_PREFERENCES, at,
                    Evidence.of("resumed marketing messages in WhatsApp"), key), WHATSAPPS_OWN);
        }
    }

    /** Heard in the transaction that stored the failure, so the message is there to read. */
    @EventListener
    void on(MessageStatusChanged changed) {
        if (changed.status() != MessageStatus.FAILED || changed.errorCode() == null
                || changed.errorCode() != USER_STOPPED_MARKETING) {
            return;
        }
        var message = conversations.message(changed.workspaceId(), changed.messageId());
        consent.optOut(changed.workspaceId(), message.contactId(), MARKETING, new ConsentAct(ConsentSource.ERROR_131050,
                message.failedAt() != null ? message.failedAt() : clock.instant(),
                Evidence.ofMessage(message.id(), "Meta refused a marketing template: the user stopped marketing"),
                "131050:" + message.id()));
        events.publishEvent(new OptOutRecorded(changed.workspaceId(), OptOutChannel.META, "131050:" + message.id(),
                clock.instant()));
    }
}
