package com.maxmysales.compliance;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.maxmysales.privacy.requests.PrivacyMail;
import com.maxmysales.shared.WorkspaceId;
import com.maxmysales.tenancy.WorkspaceManagement;

import org.springframework.stereotype.Service;

/** Drafts a breach's report to the Data Protection Board and the notice to each person it affects. */
@Service
public class BreachReports {

    private static final java.time.format.DateTimeFormatter LETTER_DATE =
            java.time.format.DateTimeFormatter.ofPattern("d MMMM uuuu", java.util.Locale.ENGLISH);
    /** The categories of the data inventory as a person reads them. */
    static final Map<String, String> IN_WORDS = Map.of(
            "contacts", "your name, phone number and email address",
            "messages", "your WhatsApp messages with us and when they were sent",
            "leads", "what you filled in on our advertisement forms",
            "consents", "your choices about receiving our messages",
            "conversation notes", "our team's notes about your conversations with us");

    private final BreachRegister register;
    private final WorkspaceManagement workspaces;
    private final PrivacyMail mail;
    private final ComplianceSettings settings;
    private final PrivacyContacts contacts;

    BreachReports(BreachRegister register, WorkspaceManagement workspaces, PrivacyMail mail,
            ComplianceSettings settings, PrivacyContacts contacts) {
        this.register = register;
        this.workspaces = workspaces;
        this.mail = mail;
        this.settings = settings;
        this.contacts = contacts;
    }

    public BreachReport draft(WorkspaceId workspace, UUID id) {
        var breach = register.get(workspace, id);
        var business = workspaces.get(workspace).name();
        var zone = workspaces.get(workspace).timeZone();
        var perCategory = register.affectedPerCategory(workspace, id);
        var own = contacts.of(workspace);
        var contact = own.map(PrivacyContact::inWords).orElseGet(this::operatorContact);
        var nature = breach.description() + " Data concerned: " + String.join(", ", breach.dataCategories()) + "."
                + (breach.incidentId() == null ? "" : " The incident was at the platform operator (incident "
                        + breach.incidentId() + "), which processes this data for " + business + ".");
        var extent = breach.affectedCount() + (breach.affectedCount() == 1 ? " person" : " people")
                + " whose data of these categories was held during the exposure window"
                + (perCategory.isEmpty() ? "." : ": " + String.join("; ", perCategory.entrySet().stream()
                        .map(entry -> entry.getKey() + ": " + entry.getValue()).toList()) + ".");
        var timing = "Exposed from " + BreachReminders.at(breach.exposedFrom(), zone) + " to "
                + BreachReminders.at(breach.exposedTo(), zone) + "; detected "
                + BreachReminders.at(breach.detectedAt(), zone) + "; recorded "
                + BreachReminders.at(breach.recordedAt(), zone) + ". The detailed report is due by "
                + BreachReminders.at(breach.reportDueAt(), zone) + ".";
        return new BreachReport(id, business, "The Data Protection Board of India", nature, extent, perCategory, timing,
                breach.likelyImpact() == null ? "To be assessed." : breach.likelyImpact(),
                breach.measures() == null ? "To be completed." : breach.measures(), contact, own.isEmpty(), breach.reportDueAt(),
                breach.reportFiledAt(), notice(business, breach, contact, zone));
    }

    /** The operator's privacy contact: what a workspace without its own is named by. */
    public String operatorContact() {
        return settings.dpoContact().isBlank() ? mail.contactAddress() : settings.dpoContact();
    }

    private static BreachReport.PersonNotice notice(String business, Breach breach, String contact,
            java.time.ZoneId zone) {
        List<String> what = breach.dataCategories().stream().map(category -> IN_WORDS.getOrDefault(category, category))
                .toList();
        var text = "We are writing from " + business + " to tell you about a security incident that may concern you.\n\n"
                + during(breach, zone) + ", some information we "
                + "hold about you may have been seen by someone who should not have seen it: " + String.join("; ", what)
                + ". We found out on " + day(breach.detectedAt(), zone) + ".\n\n"
                + "What we have done: " + (breach.measures() == null ? "we stopped the exposure and are looking into it."
                        : breach.measures()) + "\n\n"
                + "What you can do: be careful with messages or calls you did not expect that ask for codes, passwords "
                + "or payments, even if they seem to come from us. We will never ask you for a one-time code.\n\n"
                + "If you have questions, or want to know exactly what we hold about you, write to " + contact + ".";
        return new BreachReport.PersonNotice("About your information held by " + business, text);
    }

    /** "On 5 December 2026" for a window within one day, "Between … and …" otherwise. */
    private static String during(Breach breach, java.time.ZoneId zone) {
        var from = day(breach.exposedFrom(), zone);
        var to = day(breach.exposedTo(), zone);
        return from.equals(to) ? "On " + from : "Between " + from + " and " + to;
    }

    /** A date as the person reads it in a letter ("5 December 2026"), not as a machine writes it. */
    private static String day(java.time.Instant instant, java.time.ZoneId zone) {
        return java.time.LocalDate.ofInstant(instant, zone).format(LETTER_DATE);
    }

}
