package com.maxmysales.messaging;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import com.maxmysales.shared.ContactId;
import com.maxmysales.shared.WorkspaceId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class Conversations {

    private static final String COLUMNS =
            "id, contact_id, channel_id, state, opened_at, last_inbound_at, last_message_at, ended_at";

    private final JdbcClient jdbc;

    Conversations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The open conversation of this contact on this number, opened at {@code now} if there is none, with a message
     * at {@code at} noted in one statement: its last activity, and for a customer's message ({@code inbound}) the
     * start of Meta's 24-hour window.
     */
    UUID openAndNote(WorkspaceId workspace, ContactId contact, UUID channel, Instant now, Instant at, boolean inbound) {
        return jdbc.sql("""
                insert into conversations (id, workspace_id, contact_id, channel_id, opened_at, last_message_at, last_inbound_at)
                values (:id, :workspace, :contact, :channel, :now, :lastMessage, :inboundAt)
                on conflict (workspace_id, contact_id, channel_id) where state = 'open' do update
                set last_message_at = greatest(conversations.last_message_at, :at),
                    last_inbound_at = greatest(conversations.last_inbound_at, excluded.last_inbound_at)
                returning id
                """)
                .param("id", UUID.randomUUID()).param("workspace", workspace.value()).param("contact", contact.value())
                .param("channel", channel).param("now", Timestamp.from(now))
                .param("at", Timestamp.from(at)).param("lastMessage", Timestamp.from(at.isAfter(now) ? at : now))
                .param("inboundAt", inbound ? Timestamp.from(at) : null)
                .query(UUID.class).single();
    }

    /** The ad (or post) the conversation started from: the first of its messages that carried a referral. */
    void startedFrom(WorkspaceId workspace, UUID conversation, UUID message) {
        jdbc.sql("""
                update conversations set referral_message_id = :message
                where workspace_id = :workspace and id = :id and referral_message_id is null
                """)
                .param("message", message).param("workspace", workspace.value()).param("id", conversation)
                .update();
    }

    /** When the contact last wrote to this number, in any conversation: the 24-hour window's start. */
    Optional<Instant> lastInbound(WorkspaceId workspace, ContactId contact, UUID channel) {
        return jdbc.sql("""
                select max(last_inbound_at) from conversations
                where workspace_id = :workspace and contact_id = :contact and channel_id = :channel
                """)
                .param("workspace", workspace.value()).param("contact", contact.value()).param("channel", channel)
                .query((rs, n) -> Optional.ofNullable(rs.getTimestamp(1)).map(Timestamp::toInstant))
                .single();
    }

    /** Whether the customer wrote to this number within Meta's 24-hour customer-service window. */
    boolean windowOpen(WorkspaceId workspace, ContactId contact, UUID channel, Instant now) {
        return lastInbound(workspace, contact, channel)
                .map(last -> !last.plus(MessagingSettings.SERVICE_WINDOW).isBefore(now)).orElse(false);
    }

    Optional<Conversation> find(WorkspaceId workspace, UUID id) {
        return jdbc.sql("select " + COLUMNS + " from conversations where workspace_id = :workspace and id = :id")
                .param("workspace", workspace.value()).param("id", id)
                .query(Conversations::conversation).optional();
    }

    /** Ends conversations idle since before {@code idleSince}; their content's retention clock starts now. */
    int endIdle(Instant idleSince, Instant now) {
        return jdbc.sql("""
                update conversations set state = 'ended', ended_at = :now
                where state = 'open' and last_message_at < :idleSince
                """)
                .param("now", Timestamp.from(now)).param("idleSince", Timestamp.from(idleSince))
                .update();
    }

    private static Conversation conversation(ResultSet rs, int n) throws SQLException {
        return new Conversation(rs.getObject(1, UUID.class), new ContactId(rs.getObject(2, UUID.class)),
                rs.getObject(3, UUID.class), rs.getString(4), rs.getTimestamp(5).toInstant(),
                instant(rs.getTimestamp(6)), rs.getTimestamp(7).toInstant(), instant(rs.getTimestamp(8)));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
