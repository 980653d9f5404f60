package com.maxmysales.inbox;

import com.maxmysales.contacts.ContactIdColumn;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Notes follow a merged contact with their conversations: an access request or erasure of the survivor finds them. */
@Component
class NotesOfMergedContacts extends ContactIdColumn {

    NotesOfMergedContacts(JdbcClient jdbc) {
        super(jdbc, "conversation_notes");
    }
}
