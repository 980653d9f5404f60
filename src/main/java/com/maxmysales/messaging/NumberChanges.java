package com.maxmysales.messaging;

import com.maxmysales.contacts.ContactNumberChanges;
import com.maxmysales.whatsapp.WhatsAppNumberChanged;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A customer's new WhatsApp number, applied in the transaction that stored the system message announcing it (which
 * went to the conversation of their old number, and stays there): their contact, conversations and all, moves to it.
 */
@Component
class NumberChanges {

    private final ContactNumberChanges contacts;

    NumberChanges(ContactNumberChanges contacts) {
        this.contacts = contacts;
    }

    @EventListener
    void on(WhatsAppNumberChanged changed) {
        contacts.moved(changed.workspaceId(), changed.oldWaId(), changed.newWaId());
    }
}
