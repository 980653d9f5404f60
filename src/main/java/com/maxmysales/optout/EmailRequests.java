package com.maxmysales.optout;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.maxmysales.shared.WorkspaceId;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The email_optout_requests table; sender and excerpt are ciphertext, which {@link EmailOptOuts} handles. */
@Repository
class EmailRequests {

    private static final String COLUMNS = """
            id, workspace_id, message_hash, sender, excerpt, received_at, due_at, status, matched_contacts, processed_at,
            resolution, confirmation_sent_at""";

    record Row(UUID id, WorkspaceId workspace, byte[] messageHash, byte[] sender, byte[] excerpt, Instant receivedAt,
            Instant dueAt, String status, int matchedContacts, Instant processedAt, String resolution,
            Instant confirmationSentAt) {}

    private final JdbcClient jdbc;

    EmailRequests(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether this mail was handled before, for any workspace: a second poll or a restart changes nothing. */
    boolean seen(byte[] messageHash) {
        return jdbc.sql("select exists (select 1 from email_optout_requests where message_hash = :hash)")
                .param("hash", messageHash).query(Boolean.class).single();
    }

    void insert(Row row, byte @Nullable [] senderIndex) {
        jdbc.sql("""
                insert into email_optout_requests (id, workspace_id, message_hash, sender, sender_index, excerpt, received_at,
                                                   due_at, status, matched_contacts, processed_at, resolution)
                values (:id, :workspace, :hash, :sender, :senderIndex, :excerpt, :received, :due, :status, :matched,
                        :processed, :resolution)
                on conflict do nothing
                """)
                .param("id", row.id()).param("workspace", row.workspace().value()).param("hash", row.messageHash())
                .param("sender", row.sender()).param("senderIndex", senderIndex).param("excerpt", row.excerpt())
                .param("received", Timestamp.from(row.receivedAt())).param("due", Timestamp.from(row.dueAt()))
                .param("status", row.status()).param("matched", row.matchedContacts())
                .param("processed", row.processedAt() == null ? null : Timestamp.from(row.processedAt()))
                .param("resolution", row.resolution())
                .update();
    }

    Optional<Row> find(WorkspaceId workspace, UUID id) {
        return jdbc.sql("select " + COLUMNS + " from email_optout_requests where workspace_id = :workspace and id = :id")
                .param("workspace", workspace.value()).param("id", id)
                .query(EmailRequests::row).optional();
    }

    /** Open requests first, by due date; then the latest handled ones. */
    List<Row> list(WorkspaceId workspace, int limit) {
        return jdbc.sql("select " + COLUMNS + """
                 from email_optout_requests where workspace_id = :workspace
                order by status = 'open' desc, case when status = 'open' then due_at end, received_at desc
                limit :limit
                """)
                .param("workspace", workspace.value()).param("limit", limit)
                .query(EmailRequests::row).list();
    }

    void settle(WorkspaceId workspace, UUID id, String status, int matched, String resolution, Instant now) {
        jdbc.sql("""
                update email_optout_requests set status = :status, matched_contacts = :matched, resolution = :resolution,
                    processed_at = :now
                where workspace_id = :workspace and id = :id and status = 'open'
                """)
                .param("status", status).param("matched", matched).param("resolution", resolution)
                .param("now", Timestamp.from(now)).param("workspace", workspace.value()).param("id", id)
                .update();
    }

    /** Handled requests whose confirmation did not go out yet (the node stopped, or SMTP was down). */
    List<Row> awaitingConfirmation() {
        return jdbc.sql("select " + COLUMNS + """
                 from email_optout_requests
                where status = 'done' and matched_contacts > 0 and confirmation_sent_at is null
                order by received_at limit 100
                """)
                .query(EmailRequests::row).list();
    }

    /** Marks every workspace's row of the mail: the sender gets one confirmation, however many businesses it reached. */
    void confirmed(byte[] messageHash, Instant now) {
        jdbc.sql("update email_optout_requests set confirmation_sent_at = :now where message_hash = :hash and confirmation_sent_at is null")
                .param("now", Timestamp.from(now)).param("hash", messageHash)
                .update();
    }

    int delete(WorkspaceId workspace, List<byte[]> senderIndexes) {
        return jdbc.sql("delete from email_optout_requests where workspace_id = :workspace and sender_index = any(cast(:indexes as bytea[]))")
                .param("workspace", workspace.value()).param("indexes", senderIndexes.toArray(byte[][]::new))
                .update();
    }

    List<Row> bySender(WorkspaceId workspace, List<byte[]> senderIndexes) {
        return jdbc.sql("select " + COLUMNS + " from email_optout_requests where workspace_id = :workspace and sender_index = any(cast(:indexes as bytea[]))")
                .param("workspace", workspace.value()).param("indexes", senderIndexes.toArray(byte[][]::new))
                .query(EmailRequests::row).list();
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getObject("id", UUID.class), new WorkspaceId(rs.getObject("workspace_id", UUID.class)),
                rs.getBytes("message_hash"), rs.getBytes("sender"), rs.getBytes("excerpt"), instant(rs, "received_at"),
                instant(rs, "due_at"), rs.getString("status"), rs.getInt("matched_contacts"), instant(rs, "processed_at"),
                rs.getString("resolution"), instant(rs, "confirmation_sent_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        var timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }
}
