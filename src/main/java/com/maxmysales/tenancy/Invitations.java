package com.maxmysales.tenancy;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.maxmysales.shared.WorkspaceId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class Invitations {

    private final JdbcClient jdbc;

    Invitations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @param invitedBy the inviting person, or null when an API key ({@code invitedByKey}) invited */
    void insert(UUID id, WorkspaceId workspace, String email, Role role, byte[] tokenHash, UUID invitedBy,
            UUID invitedByKey, Instant now, Instant expiresAt) {
        jdbc.sql("""
                insert into member_invitations
                    (id, workspace_id, email, role, token_hash, invited_by, invited_by_key, created_at, expires_at)
                values (:id, :workspace, :email, :role, :hash, :by, :byKey, :now, :expires)
                """)
                .param("id", id).param("workspace", workspace.value()).param("email", email).param("role", role.code())
                .param("hash", tokenHash).param("by", invitedBy).param("byKey", invitedByKey)
                .param("now", Timestamp.from(now)).param("expires", Timestamp.from(expiresAt))
                .update();
    }

    Optional<PendingInvitation> findOpen(byte[] tokenHash, Instant now) {
        return jdbc.sql("""
                select i.id, i.workspace_id, w.name, i.email, i.role from member_invitations i
                join workspaces w on w.id = i.workspace_id
                where i.token_hash = :hash and i.accepted_at is null and i.revoked_at is null and i.expires_at > :now
                """)
                .param("hash", tokenHash).param("now", Timestamp.from(now))
                .query((rs, n) -> new PendingInvitation(rs.getObject(1, UUID.class),
                        new WorkspaceId(rs.getObject(2, UUID.class)), rs.getString(3), rs.getString(4),
                        Role.fromCode(rs.getString(5))))
                .optional();
    }

    /** The workspace's invitations nobody has used, revoked or let expire, newest first. */
    List<Invitation> open(WorkspaceId workspace, Instant now) {
        return jdbc.sql("""
                select id, email, role, created_at, expires_at from member_invitations
                where workspace_id = :workspace and accepted_at is null and revoked_at is null and expires_at > :now
                order by created_at desc, id desc
                """)
                .param("workspace", workspace.value()).param("now", Timestamp.from(now))
                .query((rs, n) -> new Invitation(rs.getObject(1, UUID.class), rs.getString(2),
                        Role.fromCode(rs.getString(3)), rs.getTimestamp(4).toInstant(), rs.getTimestamp(5).toInstant()))
                .list();
    }

    /** @return false when it was used, revoked or expired meanwhile */
    boolean revoke(WorkspaceId workspace, UUID id, Instant now) {
        return jdbc.sql("""
                update member_invitations set revoked_at = :now
                where workspace_id = :workspace and id = :id and accepted_at is null and revoked_at is null
                  and expires_at > :now
                """)
                .param("now", Timestamp.from(now)).param("workspace", workspace.value()).param("id", id)
                .update() == 1;
    }

    /** Marks it used; false when another request used or revoked it first. */
    boolean markAccepted(UUID id, Instant now) {
        return jdbc.sql("""
                update member_invitations set accepted_at = :now
                where id = :id and accepted_at is null and revoked_at is null
                """)
                .param("now", Timestamp.from(now)).param("id", id)
                .update() == 1;
    }
}
