package com.maxmysales.messaging;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.maxmysales.privacy.spi.ConversationSubjects;
import com.maxmysales.shared.ContactId;
import com.maxmysales.shared.WorkspaceId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Tells privacy whom a held conversation is with. */
@Component
class ConversationContacts implements ConversationSubjects {

    private final JdbcClient jdbc;

    ConversationContacts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<UUID, ContactId> contactsOf(WorkspaceId workspace, Set<UUID> conversations) {
        var contacts = new HashMap<UUID, ContactId>();
        if (conversations.isEmpty()) {
            return contacts;
        }
        jdbc.sql("select id, contact_id from conversations where workspace_id = :workspace and id in (:conversations)")
                .param("workspace", workspace.value()).param("conversations", conversations)
                .query((rs, n) -> contacts.put(rs.getObject(1, UUID.class), new ContactId(rs.getObject(2, UUID.class))))
                .list();
        return contacts;
    }
}
