package com.maxmysales.leads;

import java.time.Clock;

import com.maxmysales.contacts.ConsentChange;
import com.maxmysales.contacts.ConsentLedger;
import com.maxmysales.contacts.ConsentSource;
import com.maxmysales.contacts.Evidence;
import com.maxmysales.contacts.LeadContacts;
import com.maxmysales.contacts.Purpose;
import com.maxmysales.shared.ContactId;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns a received lead into a contact with consent for exactly what the person asked for (P2, P6): the
 * lead's follow-up always, marketing only when the form asked and they said yes. Test leads touch nobody.
 */
@Component
class LeadConversion {

    private final LeadSources sources;
    private final LeadRows rows;
    private final LeadCipher cipher;
    private final LeadContacts contacts;
    private final ConsentLedger consent;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    LeadConversion(LeadSources sources, LeadRows rows, LeadCipher cipher, LeadContacts contacts, ConsentLedger consent,
            Clock clock, ApplicationEventPublisher events) {
        this.events = events;
        this.clock = clock;
        this.sources = sources;
        this.rows = rows;
        this.cipher = cipher;
        this.contacts = contacts;
        this.consent = consent;
    }

    @Transactional
    void convert(LeadRows.Row lead) {
        var workspace = lead.workspace();
        if (lead.test()) {
            rows.processed(workspace, lead.id(), null, "test", null, "a test lead: nobody is contacted", false);
            return;
        }
        events.publishEvent(new LeadReceived(workspace, lead.id(), lead.sourceId(), lead.formId(), lead.receivedAt()));
        var answers = cipher.open(workspace, lead.answers());
        var phone = answers == null ? null : cipher.phoneOf(workspace, answers);
        var email = answers == null ? null : cipher.emailOf(answers);
        if (phone == null && email == null) {
            rows.processed(workspace, lead.id(), null, "unreachable", null, "the form gave no phone number or email", false);
            return;
        }
        var matched = contacts.match(workspace, phone, email, answers.name().orElse(null));
        if (matched.isEmpty()) {
            rows.processed(workspace, lead.id(), null, "refused", null, "this person asked to be erased", false);
            return;
        }
        var contact = matched.get().id();
        var rule = sources.get(workspace, lead.sourceId()).followUp();
        recordConsent(lead, contact, answers.grantsMarketing(rule == null ? null : rule.marketingQuestion()));
        if (rule == null) {
            rows.processed(workspace, lead.id(), contact, "none", null, null, false);
        } else if (phone == null) {
            rows.processed(workspace, lead.id(), contact, "unreachable", null, "the form gave no valid phone number", false);
        } else {
            var due = lead.receivedAt().plusSeconds(rule.delaySeconds());
            rows.processed(workspace, lead.id(), contact, "pending", due, null, !due.isAfter(clock.instant()));
        }
    }

    private void recordConsent(LeadRows.Row lead, ContactId contact, boolean marketing) {
        var at = lead.submittedAt() != null ? lead.submittedAt() : lead.receivedAt();
        var evidence = Evidence.of(LeadSource.CLICK_TO_WHATSAPP.equals(lead.sourceType())
                ? "lead " + lead.id() + ": wrote on WhatsApp from a click-to-WhatsApp ad"
                : "lead " + lead.id() + " from a " + lead.sourceType() + " lead form"
                        + (lead.formId() == null ? "" : " " + lead.formId()));
        consent.record(lead.workspace(), contact, ConsentChange.grant(Purpose.LEAD_FOLLOW_UP, ConsentSource.LEAD_FORM, at,
                null, evidence, "lead:" + lead.id()));
        if (marketing) {
            consent.record(lead.workspace(), contact, ConsentChange.grant(Purpose.MARKETING, ConsentSource.LEAD_FORM, at,
                    null, evidence, "lead-marketing:" + lead.id()));
        }
    }
}
