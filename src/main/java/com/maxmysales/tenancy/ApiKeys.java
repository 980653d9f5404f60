package com.maxmysales.tenancy;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.maxmysales.platform.Cursor;
import com.maxmysales.shared.WorkspaceId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ApiKeys {

    private final JdbcClient jdbc;

    ApiKeys(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(WorkspaceId workspace, UUID id, String name, String hint, byte[] keyHash, Role role, UUID createdBy,
            Instant now) {
        jdbc.sql("""
                insert into api_keys (id, workspace_id, name, hint, key_hash, role, created_by, created_at)
                values (:id, :workspace, :name, :hint, :hash, :role, :createdBy, :now)
                """)
                .param("id", id).param("workspace", workspace.value()).param("name", name).param("hint", hint)
                .param("hash", keyHash).param("role", role.code()).param("createdBy", createdBy)
                .param("now", Timestamp.from(now))
                .update();
    }

    /** The key's role while it is not revoked. */
    Optional<Role> activeRole(WorkspaceId workspace, UUID keyId) {
        return jdbc.sql("select role from api_keys where workspace_id = :workspace and id = :id and revoked_at is null")
                .param("workspace", workspace.value()).param("id", keyId)
                .query(String.class).optional().map(Role::fromCode);
    }

    Optional<ActiveKey> findActive(byte[] keyHash) {
        return jdbc.sql("""
                select id, workspace_id, role, last_used_at from api_keys where key_hash = :hash and revoked_at is null
                """)
                .param("hash", keyHash)
                .query((rs, n) -> new ActiveKey(rs.getObject(1, UUID.class), new WorkspaceId(rs.getObject(2, UUID.class)),
                        Role.fromCode(rs.getString(3)), toInstant(rs.getTimestamp(4))))
                .optional();
    }

    void touch(UUID id, Instant now) {
        jdbc.sql("update api_keys set last_used_at = :now where id = :id")
                .param("now", Timestamp.from(now)).param("id", id)
                .update();
    }

    List<ApiKeyView> page(WorkspaceId workspace, Cursor after, int limitPlusOne) {
        var from = Cursor.orFirst(after);
        return jdbc.sql("""
                select id, name, hint, role, created_at, last_used_at, revoked_at from api_keys
                where workspace_id = :workspace and (created_at, id) < (:at, :id)
                order by created_at desc, id desc limit :limit
                """)
                .param("workspace", workspace.value()).param("at", Timestamp.from(from.at())).param("id", from.id())
                .param("limit", limitPlusOne)
                .query((rs, n) -> new ApiKeyView(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        Role.fromCode(rs.getString(4)), toInstant(rs.getTimestamp(5)), toInstant(rs.getTimestamp(6)),
                        toInstant(rs.getTimestamp(7))))
                .list();
    }

    Optional<Role> role(WorkspaceId workspace, UUID id) {
        return jdbc.sql("select role from api_keys where workspace_id = :workspace and id = :id")
                .param("workspace", workspace.value()).param("id", id)
                .query(String.class).optional().map(Role::fromCode);
    }

    boolean revoke(WorkspaceId workspace, UUID id, Instant now) {
        return jdbc.sql("""
                update api_keys set revoked_at = coalesce(revoked_at, :now)
                where workspace_id = :workspace and id = :id
                """)
                .param("now", Timestamp.from(now)).param("workspace", workspace.value()).param("id", id)
                .update() == 1;
    }

    /**
     * Revokes the active keys a member created whose role is one of {@code roles}.
     *
     * @return the ids of the keys revoked
     */
    List<UUID> revokeCreatedBy(WorkspaceId workspace, UUID creator, Collection<Role> roles, Instant now) {
        return jdbc.sql("""
                update api_keys set revoked_at = :now
                where workspace_id = :workspace and created_by = :creator and revoked_at is null and role = any(:roles)
                returning id
                """)
                .param("now", Timestamp.from(now)).param("workspace", workspace.value()).param("creator", creator)
                .param("roles", roles.stream().map(Role::code).toArray(String[]::new))
                .query(UUID.class).list();
    }

    record ActiveKey(UUID id, WorkspaceId workspace, Role role, Instant lastUsedAt) {}

    private static Instant toInstant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
