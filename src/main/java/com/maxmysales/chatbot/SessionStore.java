package com.maxmysales.chatbot;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import com.maxmysales.shared.ContactId;
import com.maxmysales.shared.WorkspaceId;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@code chatbot_sessions}: the bot's place in each conversation, in PostgreSQL so that it survives a restart. */
@Repository
class SessionStore {

    /** Where the bot is in a conversation. */
    enum State {
        /** The bot answers; {@code stepId} is where a flow waits, if one does. */
        BOT,
        /** The customer asked for a person (or a flow handed off): the bot is silent until handed back. */
        HANDED_OFF,
        /** An agent took the conversation: the bot is silent until handed back. */
        AGENT
    }

    record Session(WorkspaceId workspace, UUID conversation, ContactId contact, State state, @Nullable UUID flow,
            @Nullable String step, int retries, @Nullable Instant expiresAt, @Nullable UUID lastMessage) {

        /** The flow waiting here, unless its wait timed out. */
        boolean waiting(Instant now) {
            return state == State.BOT && flow != null && step != null && (expiresAt == null || now.isBefore(expiresAt));
        }
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    SessionStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A conversation the bot has not seen gets its session, so that it can be locked. */
    void open(WorkspaceId workspace, UUID conversation, ContactId contact) {
        jdbc.sql("""
                insert into chatbot_sessions (workspace_id, conversation_id, contact_id, state, updated_at)
                values (:workspace, :conversation, :contact, 'BOT', :now) on conflict do nothing
                """)
                .param("workspace", workspace.value()).param("conversation", conversation)
                .param("contact", contact.value()).param("now", Timestamp.from(clock.instant())).update();
    }

    /** Locked for the caller's transaction: two messages of one conversation are answered one after the other. */
    Optional<Session> lock(WorkspaceId workspace, UUID conversation) {
        return jdbc.sql("""
                select contact_id, state, flow_id, step_id, retries, expires_at, last_message_id from chatbot_sessions
                where workspace_id = :workspace and conversation_id = :conversation for update
                """)
                .param("workspace", workspace.value()).param("conversation", conversation)
                .query((rs, n) -> new Session(workspace, conversation, new ContactId(rs.getObject(1, UUID.class)),
                        State.valueOf(rs.getString(2)), rs.getObject(3, UUID.class), rs.getString(4), rs.getInt(5),
                        instant(rs.getTimestamp(6)), rs.getObject(7, UUID.class)))
                .optional();
    }

    /** The session as it is, unlocked: a first look before the transaction that decides. */
    Optional<Session> peek(WorkspaceId workspace, UUID conversation) {
        return jdbc.sql("""
                select contact_id, state, flow_id, step_id, retries, expires_at, last_message_id from chatbot_sessions
                where workspace_id = :workspace and conversation_id = :conversation
                """)
                .param("workspace", workspace.value()).param("conversation", conversation)
                .query((rs, n) -> new Session(workspace, conversation, new ContactId(rs.getObject(1, UUID.class)),
                        State.valueOf(rs.getString(2)), rs.getObject(3, UUID.class), rs.getString(4), rs.getInt(5),
                        instant(rs.getTimestamp(6)), rs.getObject(7, UUID.class)))
                .optional();
    }

    Optional<State> state(WorkspaceId workspace, UUID conversation) {
        return jdbc.sql("select state from chatbot_sessions where workspace_id = :workspace and conversation_id = :conversation")
                .param("workspace", workspace.value()).param("conversation", conversation)
                .query((rs, n) -> State.valueOf(rs.getString(1))).optional();
    }

    void save(Session session) {
        jdbc.sql("""
                insert into chatbot_sessions (workspace_id, conversation_id, contact_id, state, flow_id, step_id, retries,
                                              expires_at, last_message_id, updated_at)
                values (:workspace, :conversation, :contact, :state, :flow, :step, :retries, :expires, :last, :now)
                on conflict (workspace_id, conversation_id) do update set state = excluded.state,
                    flow_id = excluded.flow_id, step_id = excluded.step_id, retries = excluded.retries,
                    expires_at = excluded.expires_at, last_message_id = excluded.last_message_id,
                    updated_at = excluded.updated_at
                """)
                .param("workspace", session.workspace().value()).param("conversation", session.conversation())
                .param("contact", session.contact().value()).param("state", session.state().name())
                .param("flow", session.flow()).param("step", session.step()).param("retries", session.retries())
                .param("expires", session.expiresAt() == null ? null : Timestamp.from(session.expiresAt()))
                .param("last", session.lastMessage()).param("now", Timestamp.from(clock.instant()))
                .update();
    }

    /** @return whether the conversation had a session that changes */
    boolean setState(WorkspaceId workspace, UUID conversation, State state) {
        return jdbc.sql("""
                update chatbot_sessions set state = :state, flow_id = null, step_id = null, retries = 0, expires_at = null,
                                            updated_at = :now
                where workspace_id = :workspace and conversation_id = :conversation and state <> :state
                """)
                .param("workspace", workspace.value()).param("conversation", conversation).param("state", state.name())
                .param("now", Timestamp.from(clock.instant())).update() == 1;
    }

    private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
