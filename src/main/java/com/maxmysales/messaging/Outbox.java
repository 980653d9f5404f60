package com.maxmysales.messaging;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.maxmysales.shared.WorkspaceId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The outbound rows of the messages table seen as a queue. A claim reserves due rows for a lease without
 * changing their status, so rows a node claimed and never reached are due again when it dies; only the
 * mark {@code sending}, committed right before the Graph call, makes a row never go out again.
 */
@Repository
class Outbox {

    static final int UNKNOWN_OUTCOME = -4;
    /** Our code for a message held back because its recipient withdrew consent before it left. */
    static final int CONSENT_WITHDRAWN = -5;

    private final JdbcClient jdbc;

    Outbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Messages.Row> claimDue(int limit, Instant now, Instant leaseUntil) {
        var rows = jdbc.sql("select " + Messages.COLUMNS + """
                 from messages
                where status = 'queued' and next_attempt_at <= :now and (lease_until is null or lease_until < :now)
                order by next_attempt_at
                limit :limit
                for update skip locked
                """)
                .param("now", Timestamp.from(now)).param("limit", limit)
                .query(Messages::row).list();
        if (!rows.isEmpty()) {
            jdbc.sql("update messages set lease_until = :lease where id in (:ids)")
                    .param("lease", Timestamp.from(leaseUntil)).param("ids", rows.stream().map(Messages.Row::id).toList())
                    .update();
        }
        return rows;
    }

    /** @return false when the row is no longer queued (another node sent it, or it was withdrawn) */
    boolean markSending(WorkspaceId workspace, UUID id, Instant now, Instant leaseUntil) {
        return jdbc.sql("""
                update messages set status = 'sending', attempts = attempts + 1, lease_until = :lease
                where workspace_id = :workspace and id = :id and status = 'queued'
                """)
                .param("lease", Timestamp.from(leaseUntil)).param("workspace", workspace.value()).param("id", id)
                .update() == 1;
    }

    void accepted(WorkspaceId workspace, UUID id, String wamid, Instant now) {
        jdbc.sql("""
                update messages set status = case when status = 'sending' then 'sent' else status end,
                    wamid = :wamid, sent_at = coalesce(sent_at, :now), lease_until = null
                where workspace_id = :workspace and id = :id
                """)
                .param("wamid", wamid).param("now", Timestamp.from(now))
                .param("workspace", workspace.value()).param("id", id)
                .update();
    }

    /** Back to the queue for a later try; the error that caused it is kept for the record. */
    void retryAt(WorkspaceId workspace, UUID id, Instant at, int code, String detail) {
        jdbc.sql("""
                update messages set status = 'queued', next_attempt_at = :at, lease_until = null,
                    error_code = :code, error_detail = :detail
                where workspace_id = :workspace and id = :id and status in ('queued', 'sending')
                """)
                .param("at", Timestamp.from(at)).param("code", code).param("detail", detail)
                .param("workspace", workspace.value()).param("id", id)
                .update();
    }

    /** Reschedules without counting a try: the row was only held back by pacing. */
    void postpone(WorkspaceId workspace, UUID id, Instant at) {
        jdbc.sql("update messages set next_attempt_at = :at, lease_until = null where workspace_id = :workspace and id = :id and status = 'queued'")
                .param("at", Timestamp.from(at)).param("workspace", workspace.value()).param("id", id)
                .update();
    }

    void failed(WorkspaceId workspace, UUID id, Instant now, int code, String detail) {
        jdbc.sql("""
                update messages set status = 'failed', failed_at = :now, lease_until = null,
                    error_code = :code, error_detail = :detail
                where workspace_id = :workspace and id = :id and status in ('queued', 'sending')
                """)
                .param("now", Timestamp.from(now)).param("code", code).param("detail", detail)
                .param("workspace", workspace.value()).param("id", id)
                .update();
    }

    /**
     * Sends a crash interrupted after the {@code sending} mark: Meta may or may not have them. Their status
     * webhook (matched by our id) settles most; those still unknown after the grace period are reported failed,
     * never sent again, because a duplicate costs the business money and trust.
     */
    int failUnknownOutcomes(Instant leaseExpiredBefore, Instant now) {
        return jdbc.sql("""
                update messages set status = 'failed', failed_at = :now, lease_until = null, error_code = :code,
                    error_detail = 'the platform stopped during the send; Meta did not report this message'
                where status = 'sending' and lease_until < :before
                """)
                .param("now", Timestamp.from(now)).param("code", UNKNOWN_OUTCOME)
                .param("before", Timestamp.from(leaseExpiredBefore))
                .update();
    }
}
