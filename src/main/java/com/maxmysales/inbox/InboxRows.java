package com.maxmysales.inbox;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.maxmysales.platform.Cursor;
import com.maxmysales.shared.ContactId;
import com.maxmysales.shared.WorkspaceId;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The inbox's columns of {@code conversations} (V130). Every query takes the workspace, and every read for a person
 * the visibility rule: unassigned, theirs, or all when they see all.
 */
@Repository
class InboxRows {

    private static final String COLUMNS = """
            c.id, c.contact_id, c.channel_id, c.inbox_status, c.snoozed_until, c.assignee_id, c.labels, c.unread,
            c.last_message_at, c.last_inbound_at, c.state, c.opened_at, c.ended_at, not c.superseded""";
    private static final String VISIBLE = " and (:seesAll or c.assignee_id is null or c.assignee_id = :me)";
    /**
     * A conversation a campaign opened is not in the inbox until the customer writes in it: then it opens with
     * the campaign's message in its thread (V245).
     */
    static final String SHOWN = " and (not c.opened_by_campaign or c.last_inbound_at is not null)";

    private final JdbcClient jdbc;

    InboxRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<InboxConversation> page(Viewer viewer, InboxFilter filter, @Nullable Cursor after, int limitPlusOne) {
        var from = Cursor.orFirst(after);
        var contacts = filter.contacts() == null ? null
                : filter.contacts().stream().map(ContactId::value).toArray(UUID[]::new);
        return jdbc.sql("select " + COLUMNS + """
                 from conversations c
                where c.workspace_id = :workspace and (not :currentOnly or not c.superseded)
                  and (cast(:status as text) is null or c.inbox_status = :status)
                  and (cast(:assignee as uuid) is null or c.assignee_id = :assignee)
                  and (not :unassigned or c.assignee_id is null)
                  and (cast(:label as text) is null or c.labels @> array[cast(:label as text)])
                  and (cast(:channel as uuid) is null or c.channel_id = :channel)
                  and (cast(:contacts as uuid[]) is null or c.contact_id = any(cast(:contacts as uuid[])))
                """ + VISIBLE + SHOWN + """
                  and (c.last_message_at, c.id) < (:at, :id)
                order by c.last_message_at desc, c.id desc limit :limit
                """)
                .param("workspace", viewer.workspace().value()).param("currentOnly", filter.currentOnly())
                .param("status", filter.status() == null ? null : filter.status().code())
                .param("assignee", filter.assignee()).param("unassigned", filter.unassigned())
                .param("label", filter.label()).param("channel", filter.channel()).param("contacts", contacts)
                .param("seesAll", viewer.seesAll()).param("me", viewer.memberId())
                .param("at", Timestamp.from(from.at())).param("id", from.id()).param("limit", limitPlusOne)
                .query(InboxRows::conversation).list();
    }

    /** The conversation, whatever the viewer may see: callers check {@link Viewer#sees}. */
    Optional<InboxConversation> find(WorkspaceId workspace, UUID id) {
        return jdbc.sql("select " + COLUMNS + " from conversations c where c.workspace_id = :workspace and c.id = :id")
                .param("workspace", workspace.value()).param("id", id)
                .query(InboxRows::conversation).optional();
    }

    /**
     * The conversations with a message or a contact in them most recently, newest first, that the viewer may see:
     * the bounded set a search by name decrypts.
     */
    List<InboxConversation> recent(Viewer viewer, int limit) {
        return jdbc.sql("select " + COLUMNS + " from conversations c where c.workspace_id = :workspace and not c.superseded"
                + VISIBLE + SHOWN + " order by c.last_message_at desc, c.id desc limit :limit")
                .param("workspace", viewer.workspace().value()).param("seesAll", viewer.seesAll())
                .param("me", viewer.memberId()).param("limit", limit)
                .query(InboxRows::conversation).list();
    }

    /** The most recent messages with text in conversations the viewer may see: what a search by words reads. */
    List<RecentMessage> recentMessages(Viewer viewer, Instant since, int limit) {
        return jdbc.sql("""
                select m.id, c.contact_id from messages m join conversations c on c.id = m.conversation_id
                where m.workspace_id = :workspace and c.workspace_id = :workspace and m.created_at >= :since
                  and m.text is not null
                """ + VISIBLE + SHOWN + " order by m.created_at desc limit :limit")
                .param("workspace", viewer.workspace().value()).param("since", Timestamp.from(since))
                .param("seesAll", viewer.seesAll()).param("me", viewer.memberId()).param("limit", limit)
                .query((rs, n) -> new RecentMessage(rs.getObject(1, UUID.class), new ContactId(rs.getObject(2, UUID.class))))
                .list();
    }

    record RecentMessage(UUID id, ContactId contact) {}

    /** The newest message of each conversation, for the previews. */
    List<LastMessage> lastMessages(WorkspaceId workspace, List<UUID> conversations) {
        if (conversations.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                select c.id, last.id from unnest(:ids) as c(id)
                cross join lateral (select m.id from messages m
                                    where m.workspace_id = :workspace and m.conversation_id = c.id
                                    order by m.created_at desc limit 1) last
                """)
                .param("ids", conversations.toArray(UUID[]::new)).param("workspace", workspace.value())
                .query((rs, n) -> new LastMessage(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class))).list();
    }

    record LastMessage(UUID conversation, UUID message) {}

    /** The customer's newest message with a WhatsApp id, the one a read receipt names. */
    Optional<UUID> lastInboundMessage(WorkspaceId workspace, UUID conversation) {
        return jdbc.sql("""
                select id from messages where workspace_id = :workspace and conversation_id = :conversation
                  and direction = 'inbound' and wamid is not null
                order by created_at desc limit 1
                """)
                .param("workspace", workspace.value()).param("conversation", conversation)
                .query(UUID.class).optional();
    }

    /** A customer's message: one more unread, and a conversation waiting or snoozed is open again. */
    boolean customerWrote(WorkspaceId workspace, UUID conversation) {
        return jdbc.sql("""
                update conversations set unread = unread + 1, inbox_status = 'open', snoozed_until = null
                where workspace_id = :workspace and id = :id
                """)
                .param("workspace", workspace.value()).param("id", conversation).update() == 1;
    }

    /** @return whether anything changed */
    boolean setStatus(WorkspaceId workspace, UUID conversation, InboxStatus status, @Nullable Instant snoozedUntil,
            Instant now) {
        // Resolving ends the conversation as an idle timeout would (its content's retention clock starts); reopening
        // one that ended makes it the open conversation of its contact and number again, unless another is.
        return jdbc.sql("""
                update conversations c set inbox_status = :status, snoozed_until = :until,
                       state = case when :status = 'resolved' then 'ended'
                                    when c.state = 'ended' and not exists (
                                        select 1 from conversations o where o.workspace_id = c.workspace_id
                                          and o.contact_id = c.contact_id and o.channel_id = c.channel_id
                                          and o.state = 'open' and o.id <> c.id) then 'open'
                                    else c.state end,
                       ended_at = case when :status = 'resolved' then coalesce(c.ended_at, :now)
                                       when c.state = 'ended' and not exists (
                                           select 1 from conversations o where o.workspace_id = c.workspace_id
                                             and o.contact_id = c.contact_id and o.channel_id = c.channel_id
                                             and o.state = 'open' and o.id <> c.id) then null
                                       else c.ended_at end
                where c.workspace_id = :workspace and c.id = :id
                  and (c.inbox_status <> :status or c.snoozed_until is distinct from :until)
                """)
                .param("status", status.code()).param("until", snoozedUntil == null ? null : Timestamp.from(snoozedUntil))
                .param("now", Timestamp.from(now)).param("workspace", workspace.value()).param("id", conversation)
                .update() == 1;
    }

    boolean setAssignee(WorkspaceId workspace, UUID conversation, @Nullable UUID assignee) {
        return jdbc.sql("""
                update conversations set assignee_id = :assignee
                where workspace_id = :workspace and id = :id and assignee_id is distinct from :assignee
                """)
                .param("assignee", assignee).param("workspace", workspace.value()).param("id", conversation)
                .update() == 1;
    }

    boolean setLabels(WorkspaceId workspace, UUID conversation, List<String> labels) {
        var array = labels.toArray(String[]::new);
        var changed = jdbc.sql("""
                update conversations set labels = cast(:labels as text[])
                where workspace_id = :workspace and id = :id and labels <> cast(:labels as text[])
                """)
                .param("labels", array).param("workspace", workspace.value()).param("id", conversation)
                .update() == 1;
        if (changed && !labels.isEmpty()) {
            jdbc.sql("""
                    insert into inbox_labels (workspace_id, name) select :workspace, unnest(cast(:labels as text[]))
                    on conflict do nothing
                    """)
                    .param("workspace", workspace.value()).param("labels", array).update();
        }
        return changed;
    }

    boolean markRead(WorkspaceId workspace, UUID conversation, Instant now) {
        return jdbc.sql("""
                update conversations set unread = 0, last_read_at = :now
                where workspace_id = :workspace and id = :id and unread > 0
                """)
                .param("now", Timestamp.from(now)).param("workspace", workspace.value()).param("id", conversation)
                .update() == 1;
    }

    List<String> labels(WorkspaceId workspace) {
        return jdbc.sql("select name from inbox_labels where workspace_id = :workspace order by name")
                .param("workspace", workspace.value()).query(String.class).list();
    }

    /** Snoozed conversations whose time came: open again. */
    List<Woken> wakeSnoozed(Instant now) {
        return jdbc.sql("""
                update conversations set inbox_status = 'open', snoozed_until = null
                where inbox_status = 'snoozed' and snoozed_until <= :now
                returning workspace_id, id
                """)
                .param("now", Timestamp.from(now))
                .query((rs, n) -> new Woken(new WorkspaceId(rs.getObject(1, UUID.class)), rs.getObject(2, UUID.class)))
                .list();
    }

    record Woken(WorkspaceId workspace, UUID conversation) {}

    private static InboxConversation conversation(ResultSet rs, int n) throws SQLException {
        return new InboxConversation(rs.getObject(1, UUID.class), new ContactId(rs.getObject(2, UUID.class)),
                rs.getObject(3, UUID.class), InboxStatus.valueOf(rs.getString(4).toUpperCase(java.util.Locale.ROOT)),
                instant(rs.getTimestamp(5)), rs.getObject(6, UUID.class), strings(rs.getArray(7)), rs.getInt(8),
                rs.getTimestamp(9).toInstant(), instant(rs.getTimestamp(10)), rs.getString(11), rs.getTimestamp(12).toInstant(),
                instant(rs.getTimestamp(13)), rs.getBoolean(14));
    }

    private static List<String> strings(@Nullable Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
