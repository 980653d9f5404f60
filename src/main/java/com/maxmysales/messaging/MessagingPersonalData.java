package com.maxmysales.messaging;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.maxmysales.privacy.spi.DataSubject;
import com.maxmysales.privacy.spi.PersonalDataHolder;
import com.maxmysales.shared.ContactId;
import com.maxmysales.shared.WorkspaceId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Conversations and messages in data-principal requests and the content-retention purge. */
@Component
class MessagingPersonalData implements PersonalDataHolder {

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
            var message = cipher.open(row);
            var record = new LinkedHashMap<String, Object>();
            record.put("id", message.id().toString());
            record.put("conversationId", message.conversationId().toString());
            record.put("direction", message.direction());
            record.put("type", message.type());
            record.put("text", message.text());
            record.put("content", message.payload());
            record.put("status", message.status().apiCode());
            record.put("createdAt", message.createdAt().toString());
            // Sharing disclosure: every message in or out passed through Meta's WhatsApp Cloud API.
            record.put("sharedWith", "Meta Platforms (WhatsApp Cloud API), for delivery");
            records.add(record);
        }
        return records;
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
     * times stay for aggregates.
     */
    @Override
    public int purgeContentBefore(Instant cutoff, boolean dryRun) {
        var where = """
                where (text is not null or payload is not null)
                  and conversation_id in (select id from conversations where state = 'ended' and ended_at < :cutoff)
                """;
        var mediaOfEnded = "message_id in (select m.id from messages m join conversations c on c.id = m.conversation_id "
                + "where c.state = 'ended' and c.ended_at < :cutoff)";
        var params = java.util.Map.<String, Object>of("cutoff", Timestamp.from(cutoff));
        if (dryRun) {
            return jdbc.sql("select count(*) from messages " + where).params(params).query(Integer.class).single()
                    + media.count(mediaOfEnded, params);
        }
        return media.delete(mediaOfEnded, params)
                + jdbc.sql("update messages set text = null, payload = null " + where).params(params).update();
    }

    private static List<UUID> ids(DataSubject subject) {
        return subject.contacts().stream().map(ContactId::value).toList();
    }
}
