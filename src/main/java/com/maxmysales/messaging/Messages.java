package com.maxmysales.messaging;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.maxmysales.contacts.Purpose;
import com.maxmysales.platform.Cursor;
import com.maxmysales.shared.ContactId;
import com.maxmysales.shared.WorkspaceId;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The messages table as stored: text and payload are ciphertext, which {@link MessageCipher} handles. */
@Repository
class Messages {

    static final String COLUMNS = """
            id, workspace_id, conversation_id, channel_id, contact_id, direction, type, text, payload, wamid, status,
            error_code, error_detail, created_at, sent_at, delivered_at, read_at, failed_at, attempts, reply_to_wamid,
            purpose, lane, (select f.id from media_files f where f.message_id = messages.id limit 1) as media_id,
            forwarded, frequently_forwarded, edited_at, revoked_at, referral, pricing_category, pricing_model, billable,
            meta_conversation_id, meta_conversation_category, sent_from, """ + OutboundRequest.ofCampaign("messages")
            + " as of_campaign";

    record Row(UUID id, WorkspaceId workspace, UUID conversation, UUID channel, ContactId contact, String direction,
            String type, byte[] text, byte[] payload, String wamid, MessageStatus status, Integer errorCode,
            String errorDetail, Instant createdAt, Instant sentAt, Instant deliveredAt, Instant readAt,
            Instant failedAt, int attempts, String replyToWamid, UUID mediaId, Purpose purpose, Lane lane,
            boolean forwarded, boolean frequentlyForwarded, Instant editedAt, Instant revokedAt, byte[] referral,
            Message.Pricing pricing, String sentFrom, boolean ofCampaign) {}

    record NewMessage(UUID id, WorkspaceId workspace, UUID conversation, UUID channel, ContactId contact,
            String direction, String type, byte[] text, byte[] payload, String wamid, String replyToWamid,
            MessageStatus status, String idempotencyKey, Instant createdAt, Purpose purpose, Lane lane) {}

    private final JdbcClient jdbc;

    Messages(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @return false when a message with this wamid or idempotency key exists already */
    boolean insert(NewMessage message) {
        return jdbc.sql("""
                insert into messages (id, workspace_id, conversation_id, channel_id, contact_id, direction, type, text,
                                      payload, wamid, reply_to_wamid, status, idempotency_key, created_at, next_attempt_at,
                                      purpose, lane)
                values (:id, :workspace, :conversation, :channel, :contact, :direction, :type, :text, :payload, :wamid,
                        :replyTo, :status, :key, :now, :now, :purpose, :lane)
                on conflict do nothing
                """)
                .param("id", message.id()).param("workspace", message.workspace().value())
                .param("conversation", message.conversation()).param("channel", message.channel())
                .param("contact", message.contact().value()).param("direction", message.direction())
                .param("type", message.type()).param("text", message.text()).param("payload", message.payload())
                .param("wamid", message.wamid()).param("replyTo", message.replyToWamid())
                .param("status", message.status().code()).param("key", message.idempotencyKey())
                .param("now", Timestamp.from(message.createdAt()))
                .param("purpose", message.purpose() == null ? null : message.purpose().code())
                .param("lane", message.lane() == null ? null : message.lane().rank())
                .update() == 1;
    }

    /**
     * Many queued outbound messages in one statement, as {@link #insert} inserts one.
     *
     * @return the ids inserted; a missing one met an earlier message with its idempotency key
     */
    java.util.Set<UUID> insertAll(List<NewMessage> queued) {
        return new java.util.HashSet<>(jdbc.sql("""
                insert into messages (id, workspace_id, conversation_id, channel_id, contact_id, direction, type, text,
                                      payload, reply_to_wamid, status, idempotency_key, created_at, next_attempt_at,
                                      purpose, lane)
                select t.id, t.workspace_id, t.conversation_id, t.channel_id, t.contact_id, 'outbound', t.type, t.text,
                       t.payload, t.reply_to, 'queued', t.key, t.at, t.at, t.purpose, t.lane
                from unnest(cast(:ids as uuid[]), cast(:workspaces as uuid[]), cast(:conversations as uuid[]),
                            cast(:channels as uuid[]), cast(:contacts as uuid[]), cast(:types as text[]),
                            cast(:texts as bytea[]), cast(:payloads as bytea[]), cast(:replyTos as text[]),
                            cast(:keys as text[]), cast(:ats as timestamptz[]), cast(:purposes as text[]),
                            cast(:lanes as int[]))
                     as t(id, workspace_id, conversation_id, channel_id, contact_id, type, text, payload, reply_to, key,
                          at, purpose, lane)
                on conflict do nothing
                returning id
                """)
                .param("ids", queued.stream().map(NewMessage::id).toArray(UUID[]::new))
                .param("workspaces", queued.stream().map(message -> message.workspace().value()).toArray(UUID[]::new))
                .param("conversations", queued.stream().map(NewMessage::conversation).toArray(UUID[]::new))
                .param("channels", queued.stream().map(NewMessage::channel).toArray(UUID[]::new))
                .param("contacts", queued.stream().map(message -> message.contact().value()).toArray(UUID[]::new))
                .param("types", queued.stream().map(NewMessage::type).toArray(String[]::new))
                .param("texts", queued.stream().map(NewMessage::text).toArray(byte[][]::new))
                .param("payloads", queued.stream().map(NewMessage::payload).toArray(byte[][]::new))
                .param("replyTos", queued.stream().map(NewMessage::replyToWamid).toArray(String[]::new))
                .param("keys", queued.stream().map(NewMessage::idempotencyKey).toArray(String[]::new))
                .param("ats", queued.stream().map(message -> Timestamp.from(message.createdAt())).toArray(Timestamp[]::new))
                .param("purposes", queued.stream().map(message -> message.purpose() == null ? null : message.purpose().code())
                        .toArray(String[]::new))
                .param("lanes", queued.stream().map(message -> message.lane() == null ? null : message.lane().rank())
                        .toArray(Integer[]::new))
                .query(UUID.class).list());
    }

    /** The messages queued under these idempotency keys, by key; one statement. */
    java.util.Map<String, Row> findByIdempotencyKeys(WorkspaceId workspace, java.util.Collection<String> keys) {
        var found = new java.util.HashMap<String, Row>();
        if (keys.isEmpty()) {
            return found;
        }
        jdbc.sql("select idempotency_key, " + COLUMNS
                        + " from messages where workspace_id = :workspace and idempotency_key = any(cast(:keys as text[]))")
                .param("workspace", workspace.value()).param("keys", keys.toArray(String[]::new))
                .query((rs, n) -> found.put(rs.getString("idempotency_key"), row(rs, n))).list();
        return found;
    }

    Optional<Row> find(WorkspaceId workspace, UUID id) {
        return jdbc.sql("select " + COLUMNS + " from messages where workspace_id = :workspace and id = :id")
                .param("workspace", workspace.value()).param("id", id)
                .query(Messages::row).optional();
    }

    Optional<Row> findByIdempotencyKey(WorkspaceId workspace, String key) {
        return jdbc.sql("select " + COLUMNS + " from messages where workspace_id = :workspace and idempotency_key = :key")
                .param("workspace", workspace.value()).param("key", key)
                .query(Messages::row).optional();
    }

    List<Row> page(WorkspaceId workspace, UUID conversation, Cursor after, int limitPlusOne) {
        var from = Cursor.orFirst(after);
        return jdbc.sql("select " + COLUMNS + """
                 from messages
                where workspace_id = :workspace and conversation_id = :conversation and (created_at, id) < (:at, :id)
                order by created_at desc, id desc limit :limit
                """)
                .param("workspace", workspace.value()).param("conversation", conversation)
                .param("at", Timestamp.from(from.at())).param("id", from.id()).param("limit", limitPlusOne)
                .query(Messages::row).list();
    }

    /**
     * The conversation's messages from a cursor's time on, oldest first: what an open thread shows again when it
     * changed. By time alone, not (time, id): a message stored later in the same instant still counts as newer.
     */
    List<Row> since(WorkspaceId workspace, UUID conversation, Cursor from, int limit) {
        return jdbc.sql("select " + COLUMNS + """
                 from messages
                where workspace_id = :workspace and conversation_id = :conversation and created_at >= :at
                order by created_at, id limit :limit
                """)
                .param("workspace", workspace.value()).param("conversation", conversation)
                .param("at", Timestamp.from(from.at())).param("limit", limit)
                .query(Messages::row).list();
    }

    /** Messages of the workspace by their wamids, of either direction: the ones a thread's replies quote. */
    List<Row> byWamids(WorkspaceId workspace, java.util.Collection<String> wamids) {
        if (wamids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select " + COLUMNS + " from messages where workspace_id = :workspace and wamid in (:wamids)")
                .param("workspace", workspace.value()).param("wamids", wamids)
                .query(Messages::row).list();
    }

    /**
     * Whether the business wrote to the customer before this inbound message in its conversation, or the message
     * quotes one of the business's messages (a campaign message answered after its conversation ended). Meta stamps
     * a customer's message in whole seconds and ours to the microsecond: one of ours from the same second counts as
     * before it (a campaign sent and answered within a second was taken for the customer writing first).
     */
    boolean answersTheBusiness(WorkspaceId workspace, UUID conversation, Instant at, @Nullable String replyToWamid) {
        return jdbc.sql("""
                select exists (select 1 from messages where workspace_id = :workspace and direction = 'outbound'
                                 and conversation_id = :conversation
                                 and created_at < cast(:at as timestamptz) + interval '1 second')
                    or exists (select 1 from messages where workspace_id = :workspace and direction = 'outbound'
                                 and wamid = :replyTo)
                """)
                .param("workspace", workspace.value()).param("conversation", conversation)
                .param("at", Timestamp.from(at)).param("replyTo", replyToWamid)
                .query(Boolean.class).single();
    }

    static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getObject("id", UUID.class), new WorkspaceId(rs.getObject("workspace_id", UUID.class)),
                rs.getObject("conversation_id", UUID.class), rs.getObject("channel_id", UUID.class),
                new ContactId(rs.getObject("contact_id", UUID.class)), rs.getString("direction"), rs.getString("type"),
                rs.getBytes("text"), rs.getBytes("payload"), rs.getString("wamid"),
                MessageStatus.fromCode(rs.getString("status")), (Integer) rs.getObject("error_code"),
                rs.getString("error_detail"), instant(rs, "created_at"), instant(rs, "sent_at"),
                instant(rs, "delivered_at"), instant(rs, "read_at"), instant(rs, "failed_at"), rs.getInt("attempts"),
                rs.getString("reply_to_wamid"), rs.getObject("media_id", UUID.class),
                rs.getString("purpose") == null ? null : Purpose.fromCode(rs.getString("purpose")),
                Lane.ofRank((Integer) rs.getObject("lane", Integer.class)), rs.getBoolean("forwarded"),
                rs.getBoolean("frequently_forwarded"), instant(rs, "edited_at"), instant(rs, "revoked_at"),
                rs.getBytes("referral"), pricing(rs), rs.getString("sent_from"), rs.getBoolean("of_campaign"));
    }

    private static Message.Pricing pricing(ResultSet rs) throws SQLException {
        var category = rs.getString("pricing_category");
        var conversation = rs.getString("meta_conversation_id");
        var conversationCategory = rs.getString("meta_conversation_category");
        if (category == null && conversation == null && conversationCategory == null) {
            return null;
        }
        return new Message.Pricing(category, rs.getString("pricing_model"), (Boolean) rs.getObject("billable"),
                conversation, conversationCategory);
    }

    /** What an inbound message carried beside its content; one statement, only for messages that carry any. */
    void noteDetails(WorkspaceId workspace, UUID id, boolean forwarded, boolean frequentlyForwarded, byte[] referral,
            Integer errorCode, String errorDetail) {
        jdbc.sql("""
                update messages set forwarded = :forwarded, frequently_forwarded = :frequently, referral = :referral,
                       error_code = :errorCode, error_detail = :errorDetail
                where workspace_id = :workspace and id = :id
                """)
                .param("forwarded", forwarded).param("frequently", frequentlyForwarded).param("referral", referral)
                .param("errorCode", errorCode).param("errorDetail", errorDetail)
                .param("workspace", workspace.value()).param("id", id)
                .update();
    }

    /**
     * A message by its wamid (a call's entry: its call id), of either direction, locked: a later event of it is
     * about to change it.
     */
    Optional<Row> lockByWamid(WorkspaceId workspace, String wamid) {
        return jdbc.sql("select " + COLUMNS + " from messages where workspace_id = :workspace and wamid = :wamid for update")
                .param("workspace", workspace.value()).param("wamid", wamid)
                .query(Messages::row).optional();
    }

    /** A message the business sent from the WhatsApp Business app: sent already, never claimed by the dispatcher. */
    void markSentFromBusinessApp(WorkspaceId workspace, UUID id, Instant at) {
        jdbc.sql("""
                update messages set sent_from = 'business_app', sent_at = :at, next_attempt_at = null
                where workspace_id = :workspace and id = :id
                """)
                .param("at", Timestamp.from(at)).param("workspace", workspace.value()).param("id", id)
                .update();
    }

    /** New content for a message that is an entry of its own making (a call's, as its events arrive). */
    void rewrite(WorkspaceId workspace, UUID id, byte[] text, byte[] payload) {
        jdbc.sql("update messages set text = :text, payload = :payload where workspace_id = :workspace and id = :id")
                .param("text", text).param("payload", payload).param("workspace", workspace.value()).param("id", id)
                .update();
    }

    /** The business deleted a message it sent from the WhatsApp Business app: hidden, as a customer's deletion. */
    boolean revokeSent(WorkspaceId workspace, String originalWamid, Instant at) {
        return jdbc.sql("""
                update messages set revoked_at = coalesce(revoked_at, :at)
                where workspace_id = :workspace and wamid = :original and direction = 'outbound'
                """)
                .param("at", Timestamp.from(at)).param("workspace", workspace.value()).param("original", originalWamid)
                .update() == 1;
    }

    /** A customer's message by its wamid, locked: an edit or a revoke of it is about to change it. */
    Optional<Row> lockInbound(WorkspaceId workspace, String wamid) {
        return jdbc.sql("select " + COLUMNS + """
                 from messages where workspace_id = :workspace and wamid = :wamid and direction = 'inbound' for update
                """)
                .param("workspace", workspace.value()).param("wamid", wamid)
                .query(Messages::row).optional();
    }

    /**
     * The customer edited a message: what it said ({@code before}, sealed for {@code message_edits}) is kept, and it
     * says the new content now. Once per edit (its own wamid), so a redelivery changes nothing.
     *
     * @return false when this edit was applied already
     */
    boolean edit(WorkspaceId workspace, UUID message, String editWamid, byte[] textBefore, byte[] payloadBefore,
            String type, byte[] text, byte[] payload, Instant at) {
        var kept = jdbc.sql("""
                insert into message_edits (id, workspace_id, message_id, edit_wamid, text, payload, replaced_at)
                values (:id, :workspace, :message, :editWamid, :text, :payload, :at)
                on conflict do nothing
                """)
                .param("id", UUID.randomUUID()).param("workspace", workspace.value()).param("message", message)
                .param("editWamid", editWamid).param("text", textBefore).param("payload", payloadBefore)
                .param("at", Timestamp.from(at))
                .update() == 1;
        if (kept) {
            jdbc.sql("""
                    update messages set type = :type, text = :text, payload = :payload,
                           edited_at = greatest(edited_at, cast(:at as timestamptz))
                    where workspace_id = :workspace and id = :id
                    """)
                    .param("type", type).param("text", text).param("payload", payload).param("at", Timestamp.from(at))
                    .param("workspace", workspace.value()).param("id", message)
                    .update();
        }
        return kept;
    }

    /** An edit or revoke stored as a message of its own, its original unknown: marked edited, or hidden. */
    void changedWithoutOriginal(WorkspaceId workspace, UUID id, boolean revoked, Instant at) {
        jdbc.sql("update messages set " + (revoked ? "revoked_at" : "edited_at") + " = :at where workspace_id = :workspace and id = :id")
                .param("at", Timestamp.from(at)).param("workspace", workspace.value()).param("id", id)
                .update();
    }

    boolean editKnown(WorkspaceId workspace, String editWamid) {
        return jdbc.sql("select count(*) from message_edits where workspace_id = :workspace and edit_wamid = :wamid")
                .param("workspace", workspace.value()).param("wamid", editWamid).query(Integer.class).single() > 0;
    }

    /** The customer deleted their message: hidden from now on, its content left to the retention purge. */
    boolean revoke(WorkspaceId workspace, String originalWamid, Instant at) {
        return jdbc.sql("""
                update messages set revoked_at = coalesce(revoked_at, :at)
                where workspace_id = :workspace and wamid = :original and direction = 'inbound'
                """)
                .param("at", Timestamp.from(at)).param("workspace", workspace.value()).param("original", originalWamid)
                .update() == 1;
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        var timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }
}
