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
    /** Ours (a UUID and a prefix) and an API caller's (Idempotency-Key is at most 255 elsewhere) fit. */
    static final int MAX_KEY_LENGTH = 400;
    /** A thread draws every note of its conversation: a conversation holds at most this many. */
    static final int MAX_PER_CONVERSATION = 500;

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
     * Adds a note; the same idempotency key on the same conversation gives back the first note and adds nothing again.
     *
     * @param author the business user writing it; null for an API key
     * @param idempotencyKey the caller's key, scoped by the caller to themselves (a key never reaches another's note)
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
        if (idempotencyKey != null && idempotencyKey.length() > MAX_KEY_LENGTH) {
            throw Refusal.invalid("invalid-idempotency-key", "Invalid idempotency key",
                    "an idempotency key is at most " + MAX_KEY_LENGTH + " characters");
        }
        var conversation = conversations.conversation(workspace, conversationId);
        var storedKey = idempotencyKey == null ? null : conversation.id() + ":" + idempotencyKey;
        if (count(workspace, conversation.id()) >= MAX_PER_CONVERSATION) {
            throw Refusal.unprocessable("too-many-notes", "Too many notes",
                    "a conversation keeps at most " + MAX_PER_CONVERSATION + " notes");
        }
        var id = UUID.randomUUID();
        var inserted = jdbc.sql("""
                insert into conversation_notes (id, workspace_id, conversation_id, contact_id, author_id, text,
                                                idempotency_key, created_at)
                values (:id, :workspace, :conversation, :contact, :author, :text, :key, :now)
                on conflict do nothing
                """)
                .param("id", id).param("workspace", workspace.value()).param("conversation", conversation.id())
                .param("contact", conversation.contactId().value()).param("author", author)
                .param("text", cipher.encrypt(workspace, TEXT, text.strip())).param("key", storedKey)
                .param("now", Timestamp.from(clock.instant()))
                .update() == 1;
        if (!inserted) {
            return find(workspace, "idempotency_key = :value", storedKey);
        }
        events.publishEvent(new NoteAdded(workspace, conversation.id(), id));
        return find(workspace, "id = :value", id);
    }

    private int count(WorkspaceId workspace, UUID conversation) {
        return jdbc.sql("select count(*) from conversation_notes where workspace_id = :workspace and conversation_id = :id")
                .param("workspace", workspace.value()).param("id", conversation).query(Integer.class).single();
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
