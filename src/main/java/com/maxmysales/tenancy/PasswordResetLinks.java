package com.maxmysales.tenancy;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import com.maxmysales.shared.WorkspaceId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class PasswordResetLinks {

    private final JdbcClient jdbc;

    PasswordResetLinks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A new link replaces the member's earlier ones: only the latest works. */
    void insert(UUID id, WorkspaceId workspace, UUID userId, byte[] tokenHash, String issuedBy, Instant now,
            Instant expiresAt) {
        jdbc.sql("update password_resets set used_at = :now where user_id = :user and used_at is null")
                .param("now", Timestamp.from(now)).param("user", userId).update();
        jdbc.sql("""
                insert into password_resets (id, workspace_id, user_id, token_hash, issued_by, created_at, expires_at)
                values (:id, :workspace, :user, :hash, :issuedBy, :now, :expires)
                """)
                .param("id", id).param("workspace", workspace.value()).param("user", userId).param("hash", tokenHash)
                .param("issuedBy", issuedBy).param("now", Timestamp.from(now))
                .param("expires", Timestamp.from(expiresAt))
                .update();
    }

    /** An unused, unexpired link of a member who may still sign in. */
    Optional<PendingReset> findOpen(byte[] tokenHash, Instant now) {
        return jdbc.sql("""
                select r.id, r.workspace_id, r.user_id from password_resets r
                join business_users u on u.id = r.user_id
                where r.token_hash = :hash and r.used_at is null and r.expires_at > :now and u.status = 'active'
                """)
                .param("hash", tokenHash).param("now", Timestamp.from(now))
                .query((rs, n) -> new PendingReset(rs.getObject(1, UUID.class),
                        new WorkspaceId(rs.getObject(2, UUID.class)), rs.getObject(3, UUID.class)))
                .optional();
    }

    /** Marks it used; false when another request used it first. */
    boolean markUsed(UUID id, Instant now) {
        return jdbc.sql("update password_resets set used_at = :now where id = :id and used_at is null")
                .param("now", Timestamp.from(now)).param("id", id)
                .update() == 1;
    }

    record PendingReset(UUID id, WorkspaceId workspace, UUID userId) {}
}
