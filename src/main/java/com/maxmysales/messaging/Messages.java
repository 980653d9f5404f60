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
import com.maxmysales.whatsapp.LocalFailure;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The messages table as stored: text and payload are ciphertext, which {@link MessageCipher} handles. */
@Repository
class Messages {

    static final String COLUMNS = """
            id, workspace_id, conversation_id, channel_id, contact_id, direction, type, text, payload, wamid, status,
            error_code, error_detail, created_at, sent_at, delivered_at, read_at, failed_at, attempts, reply_to_wamid,
            purpose, lane, (select f.id from media_files f where f.message_id = messages.id limit 1) as media_id""";

    record Row(UUID id, WorkspaceId workspace, UUID conversation, UUID channel, ContactId contact, String direction,
            String type, byte[] text, byte[] payload, String wamid, MessageStatus status, Integer errorCode,
            String errorDetail, Instant createdAt, Instant sentAt, Instant deliveredAt, Instant readAt,
            Instant failedAt, int attempts, String replyToWamid, UUID mediaId, Purpose purpose, Lane lane) {}

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
     * Moves an outbound message forward by Meta's status, found by wamid or by our own id echoed in
     * {@code biz_opaque_callback_data}; a status it has passed already changes nothing. A message reported failed
     * only because its outcome was unknown ({@link LocalFailure#UNKNOWN_OUTCOME}) was sent after all when Meta says
     * so later: it moves forward, its failure undone.
     */
    List<StatusApplied> applyStatus(WorkspaceId workspace, String wamid, UUID ownId, MessageStatus status, Instant at,
            Integer errorCode, String errorDetail) {
        // sent_at is set by every status but failed: a read message was sent, even if "sent" never arrives.
        var timestamp = switch (status) {
            case SENT -> "failed_at = null,";
            case DELIVERED -> "failed_at = null, delivered_at = coalesce(delivered_at, :at),";
            // A read message was delivered, even when Meta skipped the "delivered" webhook (it may).
            case READ, PLAYED -> "failed_at = null, delivered_at = coalesce(delivered_at, :at), read_at = coalesce(read_at, :at),";
            case FAILED -> "failed_at = coalesce(failed_at, :at),";
            default -> throw new IllegalArgumentException("not a delivery status: " + status);
        };
        return jdbc.sql("""
                update messages set status = :status, wamid = coalesce(wamid, :wamid), %s
                    sent_at = coalesce(sent_at, case when :status <> 'failed' then cast(:at as timestamptz) end),
                    error_code = case when status = 'failed' then :errorCode else coalesce(:errorCode, error_code) end,
                    error_detail = case when status = 'failed' then :errorDetail else coalesce(:errorDetail, error_detail) end,
                    lease_until = null
                where workspace_id = :workspace and direction = 'outbound'
                  and (wamid = :wamid or id = :ownId)
                  and (status in (:from) or status = 'failed' and error_code = :unknown and :status <> 'failed')
                returning id, status, error_code
                """.formatted(timestamp))
                .param("status", status.code()).param("wamid", wamid).param("at", Timestamp.from(at))
                .param("errorCode", errorCode).param("errorDetail", errorDetail)
                .param("workspace", workspace.value()).param("ownId", ownId).param("from", status.predecessors())
                .param("unknown", LocalFailure.UNKNOWN_OUTCOME.code())
                .query((rs, n) -> new StatusApplied(rs.getObject("id", UUID.class),
                        MessageStatus.fromCode(rs.getString("status")), (Integer) rs.getObject("error_code")))
                .list();
    }

    /** A message whose status moved forward, as it is now. */
    record StatusApplied(UUID id, MessageStatus status, Integer errorCode) {}

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
                Lane.ofRank((Integer) rs.getObject("lane", Integer.class)));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        var timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }
}
