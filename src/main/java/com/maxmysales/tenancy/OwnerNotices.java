package com.maxmysales.tenancy;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

import com.maxmysales.shared.WorkspaceId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Tells a workspace's owners what they must act on (Meta banned or restricted their number...): a notice on the
 * dashboard until the cause is resolved, and an email to every active owner when the notice opens or its text
 * changes, so that a signal Meta repeats does not mail them again. Mail leaves after the caller's transaction
 * commits: a rolled-back signal tells nobody.
 */
@Service
public class OwnerNotices {

    public enum Severity { WARNING, CRITICAL }

    private final JdbcClient jdbc;
    private final AccountMail mail;
    private final Clock clock;

    OwnerNotices(JdbcClient jdbc, AccountMail mail, Clock clock) {
        this.jdbc = jdbc;
        this.mail = mail;
        this.clock = clock;
    }

    /** Opens the notice of this key, or updates the open one; mails the owners unless it said this already. */
    public void tell(WorkspaceId workspace, String key, Severity severity, String title, String body) {
        var changed = jdbc.sql("""
                update workspace_notices set severity = :severity, title = :title, body = :body
                where workspace_id = :workspace and notice_key = :key and resolved_at is null
                  and (title <> :title or body <> :body or severity <> :severity)
                """)
                .param("severity", code(severity)).param("title", title).param("body", body)
                .param("workspace", workspace.value()).param("key", key)
                .update() == 1;
        var opened = !changed && jdbc.sql("""
                insert into workspace_notices (id, workspace_id, notice_key, severity, title, body, opened_at)
                values (:id, :workspace, :key, :severity, :title, :body, :now)
                on conflict (workspace_id, notice_key) where resolved_at is null do nothing
                """)
                .param("id", UUID.randomUUID()).param("workspace", workspace.value()).param("key", key)
                .param("severity", code(severity)).param("title", title).param("body", body)
                .param("now", Timestamp.from(clock.instant()))
                .update() == 1;
        if (changed || opened) {
            mailOwners(workspace, title, body);
        }
    }

    /** The cause is gone (Meta lifted the restriction): the notice leaves the dashboard. */
    public void resolve(WorkspaceId workspace, String key) {
        jdbc.sql("""
                update workspace_notices set resolved_at = :now
                where workspace_id = :workspace and notice_key = :key and resolved_at is null
                """)
                .param("now", Timestamp.from(clock.instant())).param("workspace", workspace.value()).param("key", key)
                .update();
    }

    public List<WorkspaceNotice> open(WorkspaceId workspace) {
        return jdbc.sql("""
                select id, notice_key, severity, title, body, opened_at from workspace_notices
                where workspace_id = :workspace and resolved_at is null
                order by severity = 'critical' desc, opened_at desc
                """)
                .param("workspace", workspace.value())
                .query((rs, n) -> new WorkspaceNotice(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getTimestamp(6).toInstant()))
                .list();
    }

    private void mailOwners(WorkspaceId workspace, String title, String body) {
        var owners = jdbc.sql("""
                select email from business_users
                where workspace_id = :workspace and role = 'owner' and status = 'active' and email is not null
                """)
                .param("workspace", workspace.value())
                .query(String.class).list();
        Runnable send = () -> owners.forEach(owner -> mail.send(owner, "MaxMySales: " + title, body + "\n"));
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    send.run();
                }
            });
        } else {
            send.run();
        }
    }

    private static String code(Severity severity) {
        return severity.name().toLowerCase(java.util.Locale.ROOT);
    }
}
