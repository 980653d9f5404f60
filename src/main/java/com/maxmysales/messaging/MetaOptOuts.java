package com.maxmysales.messaging;

import java.time.Clock;

import com.maxmysales.contacts.ConsentChange;
import com.maxmysales.contacts.ConsentLedger;
import com.maxmysales.contacts.ConsentSource;
import com.maxmysales.contacts.ContactDirectory;
import com.maxmysales.contacts.Evidence;
import com.maxmysales.contacts.Purpose;
import com.maxmysales.whatsapp.MarketingPreferenceChanged;

import org.springframework.context.event.EventListener;
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

    private final ContactDirectory contacts;
    private final ConsentLedger consent;
    private final Messages messages;
    private final Clock clock;

    MetaOptOuts(ContactDirectory contacts, ConsentLedger consent, Messages messages, Clock clock) {
        this.contacts = contacts;
        this.consent = consent;
        this.messages = messages;
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
            consent.record(workspace, contact, ConsentChange.withdrawal(Purpose.MARKETING,
                    ConsentSource.META_USER_PREFERENCES, at, Evidence.of("stopped marketing messages in WhatsApp"), key));
            return;
        }
        // A resume undoes a stop made in WhatsApp; it does not override a STOP or an email sent to the business.
        var current = consent.current(workspace, contact).get(Purpose.MARKETING);
        if (current != null && (current.source() == ConsentSource.META_USER_PREFERENCES
                || current.source() == ConsentSource.ERROR_131050)) {
            consent.record(workspace, contact, ConsentChange.grant(Purpose.MARKETING, ConsentSource.META_USER_PREFERENCES,
                    at, null, Evidence.of("resumed marketing messages in WhatsApp"), key));
        }
    }

    @EventListener
    void on(MessageStatusChanged changed) {
        if (changed.status() != MessageStatus.FAILED || changed.errorCode() == null
                || changed.errorCode() != USER_STOPPED_MARKETING) {
            return;
        }
        messages.find(changed.workspaceId(), changed.messageId()).ifPresent(message -> consent.record(
                changed.workspaceId(), message.contact(), ConsentChange.withdrawal(Purpose.MARKETING,
                        ConsentSource.ERROR_131050, message.failedAt() != null ? message.failedAt() : clock.instant(),
                        Evidence.ofMessage(message.id(), "Meta refused a marketing template: the user stopped marketing"),
                        "131050:" + message.id())));
    }
}
