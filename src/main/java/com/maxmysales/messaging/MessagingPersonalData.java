package com.maxmysales.messaging;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;

import com.maxmysales.privacy.spi.DataSubject;
import com.maxmysales.privacy.spi.PersonalDataHolder;
import com.maxmysales.privacy.spi.Purge;
import com.maxmysales.privacy.spi.PurgeCount;
import com.maxmysales.shared.ContactId;
import com.maxmysales.shared.WorkspaceId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Conversations and messages in data-principal requests and the content-retention purge. */
@Component
class MessagingPersonalData implements PersonalDataHolder {

    static final int PURGE_BATCH = 10_000;
    private static final String HELD = " and (c.contact_id in (:heldContacts) or c.id in (:heldConversations))";
    private static final String NOT_HELD = " and c.contact_id not in (:heldContacts) and c.id not in (:heldConversations)";

    private final JdbcClient jdbc;
    private final MessageCipher cipher;
    private final MediaStore media;

    MessagingPersonalData(JdbcClient jdbc, MessageCipher cipher, MediaStore media) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.media = media;
    }

    @Override
    public String category() {
        return "messages";
    }

    @Override
    public List<Map<String, Object>> export(WorkspaceId workspace, DataSubject subject) {
        var records = new ArrayList<Map<String, Object>>();
        if (subject.contacts().isEmpty()) {
            return records;
        }
        var rows = jdbc.sql("select " + Messages.COLUMNS + """
                 from messages where workspace_id = :workspace and contact_id in (:contacts) order by created_at
                """)
                .param("workspace", workspace.value()).param("contacts", ids(subject))
                .query(Messages::row).list();
        for (var row : rows) {
            // The person's own copy includes what they deleted, as long as it is kept.
            var message = cipher.open(row, true);
            var record = new LinkedHashMap<String, Object>();
            record.put("id", message.id().toString());
            record.put("conversationId", message.conversationId().toString());
            record.put("direction", message.direction());
            record.put("type", message.type());
            record.put("text", message.text());
            record.put("content", message.payload());
            record.put("referral", message.details().referral());
            record.put("editedAt", message.details().editedAt() == null ? null : message.details().editedAt().toString());
            record.put("deletedAt", message.details().revokedAt() == null ? null : message.details().revokedAt().toString());
            record.put("textsBeforeEdits", editsOf(workspace, message.id()));
            record.put("status", message.status().apiCode());
            record.put("createdAt", message.createdAt().toString());
            // Sharing disclosure: every message in or out passed through Meta's WhatsApp Cloud API.
            record.put("sharedWith", "Meta Platforms (WhatsApp Cloud API), for delivery");
            records.add(record);
        }
        return records;
    }

    private List<String> editsOf(WorkspaceId workspace, UUID message) {
        return jdbc.sql("""
                select text from message_edits where workspace_id = :workspace and message_id = :message
                order by replaced_at
                """)
                .param("workspace", workspace.value()).param("message", message)
                .query((rs, n) -> cipher.editText(workspace, rs.getBytes(1))).list();
    }

    @Override
    public int erase(WorkspaceId workspace, DataSubject subject) {
        if (subject.contacts().isEmpty()) {
            return 0;
        }
        var files = media.delete("workspace_id = :workspace and contact_id in (:contacts)",
                java.util.Map.of("workspace", workspace.value(), "contacts", ids(subject)));
        var messages = jdbc.sql("delete from messages where workspace_id = :workspace and contact_id in (:contacts)")
                .param("workspace", workspace.value()).param("contacts", ids(subject))
                .update();
        var conversations = jdbc.sql("delete from conversations where workspace_id = :workspace and contact_id in (:contacts)")
                .param("workspace", workspace.value()).param("contacts", ids(subject))
                .update();
        return files + messages + conversations;
    }

    /**
     * Message text, payload and media files of conversations that ended before the cutoff; type, status and
     * times stay for aggregates. In batches, each committed on its own, so a large backlog never holds its row
     * locks for long.
     */
    @Override
    public PurgeCount purgeContent(Purge purge) {
        var due = """
                from messages m join conversations c on c.id = m.conversation_id
                where m.workspace_id = :workspace and c.workspace_id = :workspace
                  and c.state = 'ended' and c.ended_at < :cutoff
                  and (m.text is not null or m.payload is not null or m.referral is not null)
                """;
        var held = count(due + HELD, purge);
        var mediaOfEnded = "workspace_id = :workspace and message_id in (select m.id from messages m "
                + "join conversations c on c.id = m.conversation_id where m.workspace_id = :workspace "
                + "and c.workspace_id = :workspace and c.state = 'ended' and c.ended_at < :cutoff" + NOT_HELD + ")";
        if (purge.dryRun()) {
            return new PurgeCount(count(due + NOT_HELD, purge) + media.count(mediaOfEnded, parameters(purge)), held);
        }
        int purged = media.delete(mediaOfEnded, parameters(purge));
        int batch;
        do {
            // What edited messages said before, and the ad a customer came from, go with the content.
            purged += withPurge(jdbc.sql("delete from message_edits where workspace_id = :workspace and message_id in "
                    + "(select m.id " + due + NOT_HELD + ")"), purge).update();
            batch = withPurge(jdbc.sql("update messages set text = null, payload = null, referral = null where id in "
                    + "(select m.id " + due + NOT_HELD + " limit :batch)"), purge).param("batch", PURGE_BATCH).update();
            purged += batch;
        } while (batch == PURGE_BATCH);
        return new PurgeCount(purged, held);
    }

    /** Messages and conversations that ended before the cutoff: who wrote to whom and when, gone for good. */
    @Override
    public PurgeCount purgeTrafficMetadata(Purge purge) {
        var due = """
                from conversations c
                where c.workspace_id = :workspace and c.state = 'ended' and c.ended_at < :cutoff
                """;
        var held = count(due + HELD, purge)
                + count("from messages where workspace_id = :workspace and conversation_id in (select c.id "
                        + due + HELD + ")", purge);
        var doomedMessages = "from messages where workspace_id = :workspace and conversation_id in (select c.id "
                + due + NOT_HELD + ")";
        if (purge.dryRun()) {
            return new PurgeCount(count(doomedMessages, purge) + count(due + NOT_HELD, purge), held);
        }
        var messages = withPurge(jdbc.sql("delete " + doomedMessages), purge).update();
        var conversations = withPurge(jdbc.sql("delete from conversations where id in (select c.id " + due + NOT_HELD
                + ")"), purge).update();
        return new PurgeCount(messages + conversations, held);
    }

    private int count(String from, Purge purge) {
        return withPurge(jdbc.sql("select count(*) " + from), purge).query(Integer.class).single();
    }

    private static JdbcClient.StatementSpec withPurge(JdbcClient.StatementSpec statement, Purge purge) {
        return statement.params(parameters(purge));
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
        return OptionalLong.of(jdbc.sql("select count(*) from messages where workspace_id = :workspace")
                .param("workspace", workspace.value()).query(Long.class).single());
    }

    @Override
    public Optional<Set<ContactId>> contactsWithRecordsMadeBy(WorkspaceId workspace, Instant until) {
        return Optional.of(Set.copyOf(jdbc.sql("""
                select distinct contact_id from messages
                where workspace_id = :workspace and contact_id is not null and created_at <= :until""")
                .param("workspace", workspace.value()).param("until", Timestamp.from(until))
                .query((rs, n) -> new ContactId(rs.getObject(1, UUID.class))).list()));
    }
}
