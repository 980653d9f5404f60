package com.maxmysales.inbox;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;

import com.maxmysales.privacy.crypto.FieldCipher;
import com.maxmysales.privacy.spi.DataSubject;
import com.maxmysales.privacy.spi.PersonalDataHolder;
import com.maxmysales.privacy.spi.Purge;
import com.maxmysales.privacy.spi.PurgeCount;
import com.maxmysales.shared.ContactId;
import com.maxmysales.shared.WorkspaceId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Internal notes in data-principal requests and the retention purge: what the team wrote about a person is their
 * personal data as much as their messages are, so it is exported, erased and purged with them.
 */
@Component
class NotePersonalData implements PersonalDataHolder {

    private static final String ENDED_BEFORE_CUTOFF = """
            from conversation_notes n join conversations c on c.id = n.conversation_id
            where n.workspace_id = :workspace and c.workspace_id = :workspace and c.state = 'ended'
              and c.ended_at < :cutoff and n.text is not null""";
    private static final String HELD = " and (c.contact_id in (:heldContacts) or c.id in (:heldConversations))";
    private static final String NOT_HELD = " and c.contact_id not in (:heldContacts) and c.id not in (:heldConversations)";

    private final JdbcClient jdbc;
    private final FieldCipher cipher;

    NotePersonalData(JdbcClient jdbc, FieldCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    @Override
    public String category() {
        return "conversation notes";
    }

    /** Before the conversations they belong to, which messaging erases at the default order. */
    @Override
    public int erasureOrder() {
        return -10;
    }

    @Override
    public List<Map<String, Object>> export(WorkspaceId workspace, DataSubject subject) {
        if (subject.contacts().isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                select id, conversation_id, text, created_at from conversation_notes
                where workspace_id = :workspace and contact_id in (:contacts) order by created_at
                """)
                .param("workspace", workspace.value()).param("contacts", ids(subject))
                .query((rs, n) -> {
                    var record = new LinkedHashMap<String, Object>();
                    record.put("id", rs.getObject("id", UUID.class).toString());
                    record.put("conversationId", rs.getObject("conversation_id", UUID.class).toString());
                    record.put("text", cipher.decrypt(workspace, Notes.TEXT, rs.getBytes("text")));
                    record.put("createdAt", rs.getTimestamp("created_at").toInstant().toString());
                    return (Map<String, Object>) record;
                }).list();
    }

    @Override
    public int erase(WorkspaceId workspace, DataSubject subject) {
        if (subject.contacts().isEmpty()) {
            return 0;
        }
        return jdbc.sql("delete from conversation_notes where workspace_id = :workspace and contact_id in (:contacts)")
                .param("workspace", workspace.value()).param("contacts", ids(subject))
                .update();
    }

    /** The text of notes on conversations that ended before the cutoff; that a note was written, and when, stays. */
    @Override
    public PurgeCount purgeContent(Purge purge) {
        var held = count(ENDED_BEFORE_CUTOFF + HELD, purge);
        if (purge.dryRun()) {
            return new PurgeCount(count(ENDED_BEFORE_CUTOFF + NOT_HELD, purge), held);
        }
        var purged = jdbc.sql("update conversation_notes set text = null where id in (select n.id "
                        + ENDED_BEFORE_CUTOFF + NOT_HELD + ")")
                .params(parameters(purge)).update();
        return new PurgeCount(purged, held);
    }

    private int count(String from, Purge purge) {
        return jdbc.sql("select count(*) " + from).params(parameters(purge)).query(Integer.class).single();
    }

    private static Map<String, Object> parameters(Purge purge) {
        return Map.of("workspace", purge.workspace().value(), "cutoff", Timestamp.from(purge.cutoff()),
                "heldContacts", purge.holds().contactIds(), "heldConversations", purge.holds().conversationIds());
    }

    private static List<UUID> ids(DataSubject subject) {
        return subject.contacts().stream().map(ContactId::value).toList();
    }

    @Override
    public OptionalLong records(WorkspaceId workspace) {
        return OptionalLong.of(jdbc.sql("select count(*) from conversation_notes where workspace_id = :workspace")
                .param("workspace", workspace.value()).query(Long.class).single());
    }

    @Override
    public Optional<Set<ContactId>> contactsWithRecordsMadeBy(WorkspaceId workspace, Instant until) {
        return Optional.of(Set.copyOf(jdbc.sql("""
                select distinct contact_id from conversation_notes
                where workspace_id = :workspace and contact_id is not null and created_at <= :until""")
                .param("workspace", workspace.value()).param("until", Timestamp.from(until))
                .query((rs, n) -> new ContactId(rs.getObject(1, UUID.class))).list()));
    }
}
