package com.maxmysales.privacy.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import com.maxmysales.privacy.spi.Actor;
import com.maxmysales.privacy.spi.RequestActors;
import com.maxmysales.shared.WorkspaceId;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The append-only, hash-chained audit log (P5): every read of personal data through the UI or API, every
 * export, admin action, purge and erasure, as ids and hashes. An append joins the caller's transaction, so
 * a record and what it records commit together; it holds the chain's row lock until then, which makes
 * appends from every node one chain. Callers therefore record last, after their own row locks.
 */
@NamedInterface("audit")
@Service
public class AuditLog {

    static final int VERIFY_BATCH = 1000;

    private final JdbcClient jdbc;
    private final RequestActors actors;
    private final TransactionTemplate transaction;
    private final Clock clock;

    AuditLog(JdbcClient jdbc, RequestActors actors, PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = jdbc;
        this.actors = actors;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** Records what the current request's caller did, in their workspace (the system's, outside a request). */
    public void record(String action, @Nullable String subject, @Nullable String detail) {
        var actor = actors.current().orElse(Actor.SYSTEM);
        append(actor.workspace(), actor.id(), action, subject, detail);
    }

    /** Records what the current caller (or the system) did in the given workspace. */
    public void record(@Nullable WorkspaceId workspace, String action, @Nullable String subject, @Nullable String detail) {
        append(workspace, actors.current().orElse(Actor.SYSTEM).id(), action, subject, detail);
    }

    private void append(@Nullable WorkspaceId workspace, String actor, String action, @Nullable String subject,
            @Nullable String detail) {
        transaction.executeWithoutResult(status -> {
            var chain = chainEnds(true);
            var seq = chain.lastSeq() + 1;
            var at = AuditChain.storable(clock.instant());
            var workspaceId = workspace == null ? null : workspace.value();
            var hash = AuditChain.hash(chain.lastHash(), seq, workspaceId, at, actor, action, subject, detail);
            jdbc.sql("""
                    insert into audit_log (seq, workspace_id, occurred_at, actor, action, subject, detail, prev_hash, hash)
                    values (:seq, :workspace, :at, :actor, :action, :subject, :detail, :prev, :hash)
                    """)
                    .param("seq", seq).param("workspace", workspaceId).param("at", Timestamp.from(at))
                    .param("actor", actor).param("action", action).param("subject", subject).param("detail", detail)
                    .param("prev", chain.lastHash()).param("hash", hash)
                    .update();
            jdbc.sql("update audit_chain set last_seq = :seq, last_hash = :hash where id = 1")
                    .param("seq", seq).param("hash", hash).update();
        });
    }

    /**
     * A workspace's records, newest first, that match every given filter.
     *
     * @param beforeSeq the last {@code seq} of the previous page, or {@code null} for the first
     */
    public List<AuditEntry> search(WorkspaceId workspace, AuditQuery query, Long beforeSeq, int limit) {
        return jdbc.sql("""
                select seq, workspace_id, occurred_at, actor, action, subject, detail from audit_log
                where workspace_id = :workspace
                  and seq < :before
                  and (cast(:action as text) is null or action like :action || '%')
                  and (cast(:actor as text) is null or actor = :actor)
                  and (cast(:subject as text) is null or strpos(subject, :subject) > 0)
                  and (cast(:from as timestamptz) is null or occurred_at >= :from)
                  and (cast(:to as timestamptz) is null or occurred_at < :to)
                order by seq desc limit :limit
                """)
                .param("workspace", workspace.value()).param("before", beforeSeq == null ? Long.MAX_VALUE : beforeSeq)
                .param("action", blankToNull(query.action())).param("actor", blankToNull(query.actor()))
                .param("subject", blankToNull(query.subject()))
                .param("from", query.from() == null ? null : Timestamp.from(query.from()))
                .param("to", query.to() == null ? null : Timestamp.from(query.to()))
                .param("limit", limit)
                .query(AuditLog::entry).list();
    }

    /** Walks the whole chain from its first kept row; detects a changed, removed, inserted or reordered row. */
    public AuditVerification verify() {
        var chain = chainEnds(false);
        var previous = chain.anchorHash();
        long expected = chain.firstSeq();
        long checked = 0;
        for (var batch = rowsFrom(expected); !batch.isEmpty(); batch = rowsFrom(expected)) {
            for (var row : batch) {
                var entry = row.entry();
                if (entry.seq() != expected) {
                    return broken(checked, chain, expected,
                            "row " + expected + " is missing: the next row kept is " + entry.seq());
                }
                if (!Arrays.equals(row.prevHash(), previous)) {
                    return broken(checked, chain, expected,
                            "row " + expected + " does not follow the row before it");
                }
                var hash = AuditChain.hash(previous, entry);
                if (!Arrays.equals(hash, row.hash())) {
                    return broken(checked, chain, expected, "row " + expected + " was changed");
                }
                previous = hash;
                expected++;
                checked++;
            }
        }
        if (expected - 1 != chain.lastSeq() || !Arrays.equals(previous, chain.lastHash())) {
            return broken(checked, chain, expected,
                    "the chain ends at row " + (expected - 1) + " but its last row is " + chain.lastSeq());
        }
        return new AuditVerification(true, checked, chain.firstSeq(), chain.lastSeq(), hex(chain.lastHash()), null, null);
    }

    /**
     * Removes records older than the cutoff (their 7 years are over), always the oldest ones, and moves the
     * chain's start to the first row kept so that verification still covers everything left.
     *
     * @return how many rows went (or would go, in a dry run)
     */
    public int purgeBefore(Instant cutoff, boolean dryRun) {
        var result = transaction.execute(status -> {
            chainEnds(true);
            // A prefix of the chain: everything before the first row that is still young enough.
            var keepFrom = jdbc.sql("""
                    select coalesce(min(seq), (select last_seq + 1 from audit_chain)) from audit_log where occurred_at >= :cutoff
                    """)
                    .param("cutoff", Timestamp.from(cutoff)).query(Long.class).single();
            var doomed = jdbc.sql("select count(*) from audit_log where seq < :keepFrom")
                    .param("keepFrom", keepFrom).query(Integer.class).single();
            if (dryRun || doomed == 0) {
                return doomed;
            }
            var anchor = jdbc.sql("select hash from audit_log where seq = :seq")
                    .param("seq", keepFrom - 1).query(byte[].class).single();
            jdbc.sql("set local maxmysales.audit_retention_purge = 'on'").update();
            jdbc.sql("delete from audit_log where seq < :keepFrom").param("keepFrom", keepFrom).update();
            jdbc.sql("update audit_chain set first_seq = :first, anchor_hash = :anchor where id = 1")
                    .param("first", keepFrom).param("anchor", anchor).update();
            return doomed;
        });
        return result == null ? 0 : result;
    }

    private record StoredRow(AuditEntry entry, byte[] prevHash, byte[] hash) {}

    /** The first kept row and the hash it must follow, and the last row; locked for appending when asked. */
    private record ChainEnds(long firstSeq, byte[] anchorHash, long lastSeq, byte[] lastHash) {}

    private ChainEnds chainEnds(boolean lock) {
        return jdbc.sql("select first_seq, anchor_hash, last_seq, last_hash from audit_chain where id = 1"
                        + (lock ? " for update" : ""))
                .query((rs, n) -> new ChainEnds(rs.getLong(1), rs.getBytes(2), rs.getLong(3), rs.getBytes(4))).single();
    }

    private List<StoredRow> rowsFrom(long seq) {
        return jdbc.sql("""
                select seq, workspace_id, occurred_at, actor, action, subject, detail, prev_hash, hash from audit_log
                where seq >= :seq order by seq limit :limit
                """)
                .param("seq", seq).param("limit", VERIFY_BATCH)
                .query((rs, n) -> new StoredRow(entry(rs, n), rs.getBytes(8), rs.getBytes(9))).list();
    }

    private static AuditVerification broken(long checked, ChainEnds chain, long at, String problem) {
        return new AuditVerification(false, checked, chain.firstSeq(), chain.lastSeq(), hex(chain.lastHash()), at, problem);
    }

    private static AuditEntry entry(ResultSet rs, int n) throws SQLException {
        return new AuditEntry(rs.getLong("seq"), rs.getObject("workspace_id", UUID.class),
                rs.getTimestamp("occurred_at").toInstant(), rs.getString("actor"), rs.getString("action"),
                rs.getString("subject"), rs.getString("detail"));
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
