package com.maxmysales.messaging;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

import com.maxmysales.contacts.ContactReferences;
import com.maxmysales.shared.ContactId;
import com.maxmysales.shared.WorkspaceId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Conversations, with their messages, follow a merged contact to the one that survives. A person has one open
 * conversation per number: where both contacts had one open on the same number, the merged contact's is ended
 * first (its history stays, under the survivor), so that the person's next message finds the survivor's.
 */
@Component
class ConversationsOfMergedContacts implements ContactReferences {

    private final JdbcClient jdbc;
    private final Clock clock;

    ConversationsOfMergedContacts(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public String kind() {
        return "conversations";
    }

    @Override
    public List<UUID> move(WorkspaceId workspace, ContactId from, ContactId to) {
        jdbc.sql("""
                update conversations c set state = 'ended', ended_at = :now
                where c.workspace_id = :workspace and c.contact_id = :from and c.state = 'open'
                  and exists (select 1 from conversations o where o.workspace_id = c.workspace_id
                              and o.contact_id = :to and o.channel_id = c.channel_id and o.state = 'open')
                """)
                .param("now", Timestamp.from(clock.instant())).param("workspace", workspace.value())
                .param("from", from.value()).param("to", to.value()).update();
        var moved = jdbc.sql("""
                update conversations set contact_id = :to where workspace_id = :workspace and contact_id = :from
                returning id
                """)
                .param("workspace", workspace.value()).param("from", from.value()).param("to", to.value())
                .query(UUID.class).list();
        jdbc.sql("update messages set contact_id = :to where workspace_id = :workspace and contact_id = :from")
                .param("workspace", workspace.value()).param("from", from.value()).param("to", to.value()).update();
        return moved;
    }

    /** The conversations go back with every message in them, those written since the merge included. */
    @Override
    public void moveBack(WorkspaceId workspace, List<UUID> ids, ContactId from, ContactId to) {
        jdbc.sql("""
                update conversations set contact_id = :to
                where workspace_id = :workspace and contact_id = :from and id in (:ids)
                """)
                .param("workspace", workspace.value()).param("from", from.value()).param("to", to.value())
                .param("ids", ids).update();
        jdbc.sql("""
                update messages set contact_id = :to
                where workspace_id = :workspace and contact_id = :from and conversation_id in (:ids)
                """)
                .param("workspace", workspace.value()).param("from", from.value()).param("to", to.value())
                .param("ids", ids).update();
    }
}
