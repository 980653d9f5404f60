package com.maxmysales.tenancy;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.maxmysales.platform.Cursor;
import com.maxmysales.shared.WorkspaceId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class BusinessUsers {

    private final JdbcClient jdbc;

    BusinessUsers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(UUID id, WorkspaceId workspace, String email, String displayName, String passwordHash, Role role,
            Instant adultAttestedAt, Instant now) {
        jdbc.sql("""
                insert into business_users
                    (id, workspace_id, email, display_name, password_hash, role, adult_attested_at, created_at)
                values (:id, :workspace, :email, :name, :hash, :role, :adult, :now)
                """)
                .param("id", id).param("workspace", workspace.value()).param("email", email)
                .param("name", displayName).param("hash", passwordHash).param("role", role.code())
                .param("adult", Timestamp.from(adultAttestedAt)).param("now", Timestamp.from(now))
                .update();
    }

    boolean emailTaken(String email) {
        return jdbc.sql("select exists (select 1 from business_users where lower(email) = lower(:email))")
                .param("email", email)
                .query(Boolean.class).single();
    }

    /** The id of the account of this email, whether or not it may sign in now. */
    Optional<UUID> idOf(String email) {
        return jdbc.sql("select id from business_users where lower(email) = lower(:email)")
                .param("email", email)
                .query(UUID.class).optional();
    }

    /** Only active members sign in: to a disabled one the login answers as to an unknown email. */
    Optional<BusinessUserPrincipal> findForLogin(String email) {
        return jdbc.sql("""
                select id, workspace_id, role, password_hash from business_users
                where lower(email) = lower(:email) and status = 'active'
                """)
                .param("email", email)
                .query((rs, n) -> new BusinessUserPrincipal(rs.getObject(1, UUID.class),
                        new WorkspaceId(rs.getObject(2, UUID.class)), Role.fromCode(rs.getString(3)), rs.getString(4)))
                .optional();
    }

    /** A signed-in person as they are now: empty once they were disabled or removed. */
    Optional<BusinessUserPrincipal> findActive(UUID id) {
        return jdbc.sql("select workspace_id, role from business_users where id = :id and status = 'active'")
                .param("id", id)
                .query((rs, n) -> new BusinessUserPrincipal(id, new WorkspaceId(rs.getObject(1, UUID.class)),
                        Role.fromCode(rs.getString(2)), null))
                .optional();
    }

    /** A member of the workspace (disabled ones included), locked until the transaction ends. */
    Optional<Member> lock(WorkspaceId workspace, UUID id) {
        return jdbc.sql("""
                select id, email, display_name, role, status, created_at from business_users
                where workspace_id = :workspace and id = :id and status <> 'removed'
                for update
                """)
                .param("workspace", workspace.value()).param("id", id)
                .query(BusinessUsers::member)
                .optional();
    }

    void changeRole(UUID id, Role role) {
        jdbc.sql("update business_users set role = :role where id = :id")
                .param("role", role.code()).param("id", id)
                .update();
    }

    void changeStatus(UUID id, MemberStatus status, Instant now) {
        jdbc.sql("update business_users set status = :status, status_changed_at = :now where id = :id")
                .param("status", status.code()).param("now", Timestamp.from(now)).param("id", id)
                .update();
    }

    /** Erases what is personal about a removed member; the id stays for the records that point to it. */
    void remove(UUID id, Instant now) {
        jdbc.sql("""
                update business_users
                set status = 'removed', status_changed_at = :now, email = null, display_name = 'Former member',
                    password_hash = ''
                where id = :id
                """)
                .param("now", Timestamp.from(now)).param("id", id)
                .update();
    }

    void changePassword(UUID id, String passwordHash) {
        jdbc.sql("update business_users set password_hash = :hash where id = :id and status <> 'removed'")
                .param("hash", passwordHash).param("id", id)
                .update();
    }

    Optional<Member> find(WorkspaceId workspace, UUID id) {
        return jdbc.sql("""
                select id, email, display_name, role, status, created_at from business_users
                where workspace_id = :workspace and id = :id and status <> 'removed'
                """)
                .param("workspace", workspace.value()).param("id", id)
                .query(BusinessUsers::member)
                .optional();
    }

    List<Member> page(WorkspaceId workspace, Cursor after, int limitPlusOne) {
        var from = Cursor.orFirst(after);
        return jdbc.sql("""
                select id, email, display_name, role, status, created_at from business_users
                where workspace_id = :workspace and status <> 'removed' and (created_at, id) < (:at, :id)
                order by created_at desc, id desc limit :limit
                """)
                .param("workspace", workspace.value()).param("at", Timestamp.from(from.at())).param("id", from.id())
                .param("limit", limitPlusOne)
                .query(BusinessUsers::member)
                .list();
    }

    private static Member member(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Member(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), Role.fromCode(rs.getString(4)),
                MemberStatus.fromCode(rs.getString(5)), rs.getTimestamp(6).toInstant());
    }
}
