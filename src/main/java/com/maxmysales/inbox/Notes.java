package com.maxmysales.inbox;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

import com.maxmysales.messaging.ConversationQueries;
import com.maxmysales.platform.Refusal;
import com.maxmysales.privacy.crypto.FieldCipher;
import com.maxmysales.shared.WorkspaceId;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Internal notes on conversations, encrypted like the messages beside them. */
@Service
public class Notes {

    static final String TEXT = "conversation_notes.text";
    static final int MAX_LENGTH = 4096;

    private final JdbcClient jdbc;
    private final FieldCipher cipher;
    private final ConversationQueries conversations;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Notes(JdbcClient jdbc, FieldCipher cipher, ConversationQueries conversations, ApplicationEventPublisher events,
            Clock clock) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.conversations = conversations;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Adds a note; the same idempotency key in the workspace gives back the first note and adds nothing again.
     *
     * @param author the business user writing it; null for an API key
     */
    @Transactional
    public Note add(WorkspaceId workspace, UUID conversationId, @Nullable UUID author, @Nullable String text,
            @Nullable String idempotencyKey) {
        if (text == null || text.isBlank()) {
            throw Refusal.invalid("invalid-note", "Invalid note", "text must not be empty");
        }
        if (text.length() > MAX_LENGTH) {
            throw Refusal.invalid("invalid-note", "Invalid note", "a note is at most " + MAX_LENGTH + " characters");
        }
        var conversation = conversations.conversation(workspace, conversationId);
        var id = UUID.randomUUID();
        var inserted = jdbc.sql("""
                insert into conversation_notes (id, workspace_id, conversation_id, contact_id, author_id, text,
                                                idempotency_key, created_at)
                values (:id, :workspace, :conversation, :contact, :author, :text, :key, :now)
                on conflict do nothing
                """)
                .param("id", id).param("workspace", workspace.value()).param("conversation", conversation.id())
                .param("contact", conversation.contactId().value()).param("author", author)
                .param("text", cipher.encrypt(workspace, TEXT, text.strip())).param("key", idempotencyKey)
                .param("now", Timestamp.from(clock.instant()))
                .update() == 1;
        if (!inserted) {
            return find(workspace, "idempotency_key = :value", idempotencyKey);
        }
        events.publishEvent(new NoteAdded(workspace, conversation.id(), id));
        return find(workspace, "id = :value", id);
    }

    /** The conversation's notes, oldest first; another workspace's conversation is not found. */
    public List<Note> of(WorkspaceId workspace, UUID conversationId) {
        conversations.conversation(workspace, conversationId);
        return jdbc.sql("""
                select id, workspace_id, conversation_id, author_id, text, created_at from conversation_notes
                where workspace_id = :workspace and conversation_id = :conversation order by created_at, id
                """)
                .param("workspace", workspace.value()).param("conversation", conversationId)
                .query(this::note).list();
    }

    private Note find(WorkspaceId workspace, String condition, Object value) {
        return jdbc.sql("""
                select id, workspace_id, conversation_id, author_id, text, created_at from conversation_notes
                where workspace_id = :workspace and\s""" + condition)
                .param("workspace", workspace.value()).param("value", value)
                .query(this::note).single();
    }

    private Note note(ResultSet rs, int n) throws SQLException {
        var workspace = new WorkspaceId(rs.getObject("workspace_id", UUID.class));
        return new Note(rs.getObject("id", UUID.class), rs.getObject("conversation_id", UUID.class),
                rs.getObject("author_id", UUID.class), cipher.decrypt(workspace, TEXT, rs.getBytes("text")),
                rs.getTimestamp("created_at").toInstant());
    }
}
