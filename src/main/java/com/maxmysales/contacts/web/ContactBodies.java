package com.maxmysales.contacts.web;

import com.maxmysales.contacts.ConsentLedger;
import com.maxmysales.contacts.Contact;
import com.maxmysales.platform.CursorPage;
import com.maxmysales.shared.WorkspaceId;

import org.springframework.stereotype.Component;

/** Contacts as the API shows them, with whether each opted out of marketing (one query for a page). */
@Component
class ContactBodies {

    private final ConsentLedger consent;

    ContactBodies(ConsentLedger consent) {
        this.consent = consent;
    }

    CursorPage<ContactController.ContactBody> of(WorkspaceId workspace, CursorPage<Contact> page) {
        var optedOut = consent.optedOut(workspace, page.items().stream().map(Contact::id).toList());
        return page.map(contact -> ContactController.ContactBody.of(contact, optedOut.contains(contact.id().value())));
    }
}
