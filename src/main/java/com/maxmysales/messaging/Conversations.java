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

    /** A contact on a number. */
    record Pair(ContactId contact, UUID channel) {}

    /**
     * {@link #openAndNote} for many contacts and numbers at once (one statement), for outbound messages queued at
     * {@code now}: the open conversation of each pair, opened if there is none, its last activity moved to now.
     */
    java.util.Map<Pair, UUID> openAllForOutbound(WorkspaceId workspace, java.util.Collection<Pair> pairs,
            java.util.Set<Pair> campaignsOnly, Instant now) {
        var distinct = java.util.List.copyOf(new java.util.LinkedHashSet<>(pairs));
        var open = new java.util.HashMap<Pair, UUID>();
        if (distinct.isEmpty()) {
            return open;
        }
        jdbc.sql("""
                insert into conversations (id, workspace_id, contact_id, channel_id, opened_at, last_message_at,
                                           opened_by_campaign)
                select t.id, :workspace, t.contact_id, t.channel_id, :now, :now, t.by_campaign
                from unnest(cast(:ids as uuid[]), cast(:contacts as uuid[]), cast(:channels as uuid[]),
                            cast(:byCampaign as boolean[]))
                     as t(id, contact_id, channel_id, by_campaign)
                on conflict (workspace_id, contact_id, channel_id) where state = 'open' do update
                set last_message_at = greatest(conversations.last_message_at, excluded.last_message_at)
                returning id, contact_id, channel_id
                """)
                .param("workspace", workspace.value()).param("now", Timestamp.from(now))
                .param("ids", distinct.stream().map(pair -> UUID.randomUUID()).toArray(UUID[]::new))
                .param("contacts", distinct.stream().map(pair -> pair.contact().value()).toArray(UUID[]::new))
                .param("channels", distinct.stream().map(Pair::channel).toArray(UUID[]::new))
                .param("byCampaign", distinct.stream().map(campaignsOnly::contains).toArray(Boolean[]::new))
                .query((rs, n) -> open.put(new Pair(new ContactId(rs.getObject(2, UUID.class)), rs.getObject(3, UUID.class)),
                        rs.getObject(1, UUID.class)))
                .list();
        return open;
    }

    /** {@link #lastInbound} of many contacts and numbers in one statement; a pair whose contact never wrote is absent. */
    java.util.Map<Pair, Instant> lastInboundAll(WorkspaceId workspace, java.util.Collection<Pair> pairs) {
        var last = new java.util.HashMap<Pair, Instant>();
        if (pairs.isEmpty()) {
            return last;
        }
        jdbc.sql("""
                select contact_id, channel_id, max(last_inbound_at) from conversations
                where workspace_id = :workspace and contact_id = any(cast(:contacts as uuid[]))
                  and last_inbound_at is not null
                group by contact_id, channel_id
                """)
                .param("workspace", workspace.value())
                .param("contacts", pairs.stream().map(pair -> pair.contact().value()).distinct().toArray(UUID[]::new))
                .query((rs, n) -> last.put(new Pair(new ContactId(rs.getObject(1, UUID.class)), rs.getObject(2, UUID.class)),
                        rs.getTimestamp(3).toInstant()))
                .list();
        return last;
    }

    /** Whether a customer who last wrote at {@code lastInbound} (null: never) is within Meta's 24-hour window. */
    static boolean windowOpen(Instant lastInbound, Instant now) {
        return lastInbound != null && !lastInbound.plus(MessagingSettings.SERVICE_WINDOW).isBefore(now);
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
        return windowOpen(lastInbound(workspace, contact, channel).orElse(null), now);
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
