package com.maxmysales.compliance;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.maxmysales.contacts.Contact;
import com.maxmysales.contacts.ContactDirectory;
import com.maxmysales.platform.Refusal;
import com.maxmysales.privacy.requests.PrivacyMail;
import com.maxmysales.shared.ContactId;
import com.maxmysales.shared.WorkspaceId;

import org.springframework.stereotype.Service;

/**
 * Sends the breach notice by email, from the privacy contact, to every affected person with an email address who has
 * not had it yet, and records when each went. People without an email are told by WhatsApp template (the business
 * sends it and records it: {@link BreachRegister#recordNotices}).
 */
@Service
public class BreachNotices {

    /** @param withoutEmail affected people still without a notice who have no email address */
    public record Sent(int sent, int failed, int withoutEmail) {}

    private final BreachRegister register;
    private final BreachReports reports;
    private final ContactDirectory contacts;
    private final PrivacyMail mail;

    BreachNotices(BreachRegister register, BreachReports reports, ContactDirectory contacts, PrivacyMail mail) {
        this.register = register;
        this.reports = reports;
        this.contacts = contacts;
        this.mail = mail;
    }

    public Sent emailAll(WorkspaceId workspace, UUID breach) {
        register.get(workspace, breach);
        if (!mail.enabled()) {
            throw Refusal.unprocessable("breach-mail-unavailable", "No mail server",
                    "this platform sends no email (maxmysales.privacy.mail.smtp-host is not set): send the notice by "
                            + "WhatsApp template and record it");
        }
        var notice = reports.draft(workspace, breach).personNotice();
        int failed = 0;
        int withoutEmail = 0;
        var sent = new ArrayList<ContactId>();
        for (var person : register.affected(workspace, breach)) {
            if (person.notifiedAt() != null) {
                continue;
            }
            var email = contacts.find(workspace, person.contact()).map(Contact::email).orElse(null);
            if (email == null) {
                withoutEmail++;
            } else if (mail.send(email, notice.subject(), notice.text())) {
                sent.add(person.contact());
            } else {
                failed++;
            }
        }
        if (!sent.isEmpty()) {
            register.recordNotices(workspace, breach, List.copyOf(sent), "email");
        }
        return new Sent(sent.size(), failed, withoutEmail);
    }
}
