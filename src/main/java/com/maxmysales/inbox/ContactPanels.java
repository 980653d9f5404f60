package com.maxmysales.inbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.Locale;

import com.maxmysales.contacts.ConsentLedger;
import com.maxmysales.contacts.ContactDirectory;
import com.maxmysales.contacts.Purpose;
import com.maxmysales.messaging.Conversation;
import com.maxmysales.shared.WorkspaceId;
import com.maxmysales.tenancy.WorkspaceManagement;

import org.springframework.stereotype.Service;

/** Builds the contact panel from the contacts and consent front doors, the leads' answers and the inbox's history. */
@Service
public class ContactPanels {

    private static final int EARLIER = 10;
    private static final int LEADS = 3;

    private final ContactDirectory contacts;
    private final ConsentLedger consent;
    private final LeadOrigins leadOrigins;
    private final Inbox inbox;
    private final WorkspaceManagement workspaces;

    ContactPanels(ContactDirectory contacts, ConsentLedger consent, LeadOrigins leadOrigins, Inbox inbox,
            WorkspaceManagement workspaces) {
        this.workspaces = workspaces;
        this.contacts = contacts;
        this.consent = consent;
        this.leadOrigins = leadOrigins;
        this.inbox = inbox;
    }

    public ContactPanel of(WorkspaceId workspace, Conversation conversation) {
        var id = conversation.contactId();
        // Days in the workspace's zone, as its other pages: an opt-out at 01:00 in Kolkata is that day's.
        var zone = workspaces.get(workspace).timeZone();
        var current = consent.current(workspace, id);
        var states = new ArrayList<ContactPanel.Consent>();
        for (var purpose : Purpose.values()) {
            var record = current.get(purpose);
            states.add(record == null ? new ContactPanel.Consent(words(purpose.code()), "not recorded", null, null)
                    : new ContactPanel.Consent(words(purpose.code()), record.status().code(), day(record.occurredAt(), zone),
                            words(record.source().code())));
        }
        var history = consent.history(workspace, id).stream().limit(20)
                .map(entry -> new ContactPanel.ConsentEntry(day(entry.occurredAt(), zone), words(entry.purpose().code()),
                        entry.status().code(), words(entry.source().code())))
                .toList();
        var origins = leadOrigins.of(workspace, id, LEADS);
        // The panel is shown to people who read this contact's conversations: the contact's history is theirs to see.
        var everything = new Viewer(workspace, null, true, true, false);
        var earlier = inbox.list(everything, new InboxFilter(null, null, false, null, null, Set.of(id), false), null,
                        EARLIER + 1).items().stream()
                .filter(other -> !other.id().equals(conversation.id())).limit(EARLIER)
                .map(other -> new ContactPanel.Earlier(other.id(), day(other.openedAt(), zone), other.state()))
                .toList();
        return new ContactPanel(contacts.get(workspace, id), states, history, origins, earlier);
    }

    private static String words(String code) {
        return code.replace('_', ' ').toLowerCase(Locale.ROOT);
    }

    private static String day(java.time.Instant at, java.time.ZoneId zone) {
        return java.time.LocalDate.ofInstant(at, zone).toString();
    }
}
