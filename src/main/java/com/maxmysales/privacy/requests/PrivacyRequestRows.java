package com.maxmysales.privacy.requests;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.maxmysales.shared.WorkspaceId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The privacy_requests table as stored: who the person is and what they wrote are ciphertext. */
@Repository
class PrivacyRequestRows {

    record Row(UUID id, WorkspaceId workspace, String type, String status, String requestedBy, String filedBy,
            byte[] phone, byte[] email, byte[] details, Instant receivedAt, Instant dueAt, Instant verifiedAt,
            Instant completedAt, String summary, String refusalReason, byte[] refusalDetail, byte[] resolution,
            byte[] codeHash, Instant codeExpiresAt, int codeAttempts, String verificationChannel) {}

    private final JdbcClient jdbc;

    PrivacyRequestRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Row row, byte[] subjectHash) {
        jdbc.sql("""
                insert into privacy_requests (id, workspace_id, type, status, requested_by, filed_by, phone, email, details,
                                              subject_hash, received_at, due_at, verification_channel)
                values (:id, :workspace, :type, :status, :requestedBy, :filedBy, :phone, :email, :details, :subjectHash,
                        :receivedAt, :dueAt, :channel)
                """)
                .param("id", row.id()).param("workspace", row.workspace().value()).param("type", row.type())
                .param("status", row.status()).param("requestedBy", row.requestedBy()).param("filedBy", row.filedBy())
                .param("phone", row.phone()).param("email", row.email()).param("details", row.details())
                .param("subjectHash", subjectHash).param("receivedAt", Timestamp.from(row.receivedAt()))
                .param("dueAt", Timestamp.from(row.dueAt())).param("channel", row.verificationChannel())
                .update();
    }

    Optional<Row> find(WorkspaceId workspace, UUID id) {
        return jdbc.sql("select * from privacy_requests where workspace_id = :workspace and id = :id")
                .param("workspace", workspace.value()).param("id", id)
                .query(PrivacyRequestRows::row).optional();
    }

    /** Locks the row for a state change, so two answers to one request cannot both apply. */
    Optional<Row> lock(WorkspaceId workspace, UUID id) {
        return jdbc.sql("select * from privacy_requests where workspace_id = :workspace and id = :id for update")
                .param("workspace", workspace.value()).param("id", id)
                .query(PrivacyRequestRows::row).optional();
    }

    List<Row> page(WorkspaceId workspace, Instant before, int limit) {
        return jdbc.sql("""
                select * from privacy_requests where workspace_id = :workspace and received_at < :before
                order by received_at desc limit :limit
                """)
                .param("workspace", workspace.value()).param("before", Timestamp.from(before)).param("limit", limit)
                .query(PrivacyRequestRows::row).list();
    }

    List<Row> bySubject(WorkspaceId workspace, List<byte[]> subjectHashes) {
        if (subjectHashes.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select * from privacy_requests where workspace_id = :workspace and subject_hash in (:hashes) order by received_at")
                .param("workspace", workspace.value()).param("hashes", subjectHashes)
                .query(PrivacyRequestRows::row).list();
    }

    void newCode(UUID id, byte[] codeHash, Instant expiresAt) {
        // Wrong guesses are not forgiven by a new code: a resend must not buy another round of guesses.
        jdbc.sql("update privacy_requests set code_hash = :hash, code_expires_at = :expires where id = :id")
                .param("hash", codeHash).param("expires", Timestamp.from(expiresAt)).param("id", id).update();
    }

    void wrongCode(UUID id) {
        jdbc.sql("update privacy_requests set code_attempts = code_attempts + 1 where id = :id").param("id", id).update();
    }

    void verified(UUID id, String status, Instant at) {
        jdbc.sql("""
                update privacy_requests set status = :status, verified_at = :at, code_hash = null, code_expires_at = null
                where id = :id
                """)
                .param("status", status).param("at", Timestamp.from(at)).param("id", id).update();
    }

    void completed(UUID id, String summary, byte[] resolution, Instant at) {
        jdbc.sql("""
                update privacy_requests set status = 'completed', summary = coalesce(:summary, summary),
                       resolution = coalesce(:resolution, resolution), completed_at = :at
                where id = :id
                """)
                .param("summary", summary).param("resolution", resolution).param("at", Timestamp.from(at)).param("id", id)
                .update();
    }

    void refused(UUID id, String reason, byte[] detail, Instant at) {
        jdbc.sql("""
                update privacy_requests set status = 'refused', refusal_reason = :reason, refusal_detail = :detail,
                       completed_at = :at, code_hash = null, code_expires_at = null
                where id = :id
                """)
                .param("reason", reason).param("detail", detail).param("at", Timestamp.from(at)).param("id", id).update();
    }

    /** What an erasure leaves of a person's requests: that they were made and answered, not by whom or what they said. */
    int forgetSubject(WorkspaceId workspace, List<byte[]> subjectHashes) {
        if (subjectHashes.isEmpty()) {
            return 0;
        }
        return jdbc.sql("""
                update privacy_requests set phone = null, email = null, details = null, refusal_detail = null,
                       resolution = null
                where workspace_id = :workspace and subject_hash in (:hashes)
                  and (phone is not null or email is not null or details is not null)
                """)
                .param("workspace", workspace.value()).param("hashes", subjectHashes)
                .update();
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getObject("id", UUID.class), new WorkspaceId(rs.getObject("workspace_id", UUID.class)),
                rs.getString("type"), rs.getString("status"), rs.getString("requested_by"), rs.getString("filed_by"),
                rs.getBytes("phone"), rs.getBytes("email"), rs.getBytes("details"), instant(rs, "received_at"),
                instant(rs, "due_at"), instant(rs, "verified_at"), instant(rs, "completed_at"), rs.getString("summary"),
                rs.getString("refusal_reason"), rs.getBytes("refusal_detail"), rs.getBytes("resolution"),
                rs.getBytes("code_hash"), instant(rs, "code_expires_at"), rs.getInt("code_attempts"),
                rs.getString("verification_channel"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        var timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }
}
