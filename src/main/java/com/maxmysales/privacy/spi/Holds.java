package com.maxmysales.privacy.spi;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.maxmysales.shared.ContactId;

/**
 * The records of one workspace under a legal hold, which a purge must skip: everything about a held contact,
 * and a held conversation with its messages.
 */
public record Holds(Set<ContactId> contacts, Set<UUID> conversations) {

    public static final Holds NONE = new Holds(Set.of(), Set.of());

    /** Never a contact's or a conversation's id: keeps {@code not in (...)} valid SQL when nothing is held. */
    private static final UUID NO_ID = new UUID(0, 0);

    public Holds {
        contacts = Set.copyOf(contacts);
        conversations = Set.copyOf(conversations);
    }

    public boolean isEmpty() {
        return contacts.isEmpty() && conversations.isEmpty();
    }

    /** The held contacts' ids for {@code contact_id not in (:heldContacts)}; never an empty list. */
    public List<UUID> contactIds() {
        return contacts.isEmpty() ? List.of(NO_ID) : contacts.stream().map(ContactId::value).toList();
    }

    /** The held conversations' ids for {@code id not in (:heldConversations)}; never an empty list. */
    public List<UUID> conversationIds() {
        return conversations.isEmpty() ? List.of(NO_ID) : List.copyOf(conversations);
    }
}
