package com.maxmysales.privacy.retention;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.maxmysales.shared.WorkspaceId;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;

/**
 * The retention of a workspace and what its purges did in a period, for the compliance report (P4): counts from the
 * purge history, never content. Rehearsals (dry runs) change nothing and are left out.
 */
@NamedInterface("retention")
@Service
public class RetentionFigures {

    /** What the real purges of the period removed and kept of one category, and when the last of them ran. */
    @NamedInterface("retention")
    public record PurgedCategory(String retentionClass, String category, long purged, long held, long runs,
            @Nullable Instant lastRunAt) {}

    /**
     * @param content how long message content is kept after its conversation ends, for this workspace
     * @param activeHolds legal holds in force now, per record type ({@code contact}, {@code conversation}): why
     *        records were held
     * @param lastRunAt the last real purge that reached this workspace, in or before the period; null if none yet
     */
    @NamedInterface("retention")
    public record Figures(Duration content, Duration trafficMetadata, Duration audit, long realRuns,
            @Nullable Instant lastRunAt, List<PurgedCategory> purged, Map<String, Long> activeHolds) {}

    private final WorkspaceRetention retention;
    private final JdbcClient jdbc;

    RetentionFigures(WorkspaceRetention retention, JdbcClient jdbc) {
        this.retention = retention;
        this.jdbc = jdbc;
    }

    /** The workspace's windows now and its real purge runs that started in {@code [from, to)}. */
    public Figures of(WorkspaceId workspace, Instant from, Instant to) {
        var w = workspace.value();
        var purged = jdbc.sql("""
                select c.retention_class, c.category, sum(c.purged), sum(c.held), count(distinct r.id), max(r.started_at)
                from purge_counts c join purge_runs r on r.id = c.run_id
                where c.workspace_id = :w and not r.dry_run and r.started_at >= :from and r.started_at < :to
                group by 1, 2 order by 1, 2""")
                .param("w", w).param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
                .query((rs, n) -> new PurgedCategory(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4),
                        rs.getLong(5), rs.getTimestamp(6).toInstant()))
                .list();
        var runs = jdbc.sql("""
                select count(*), max(r.started_at) from purge_runs r
                where not r.dry_run and r.started_at >= :from and r.started_at < :to
                  and (r.workspace_id = :w or r.workspace_id is null)""")
                .param("w", w).param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getTimestamp(2)}).single();
        var lastEver = jdbc.sql("""
                select max(started_at) from purge_runs
                where not dry_run and started_at < :to and (workspace_id = :w or workspace_id is null)""")
                .param("w", w).param("to", Timestamp.from(to)).query(Timestamp.class).optional();
        var holds = new TreeMap<String, Long>();
        jdbc.sql("""
                select record_type, count(*) from legal_holds
                where workspace_id = :w and released_at is null group by 1""")
                .param("w", w).query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2))).list()
                .forEach(entry -> holds.put(entry.getKey(), entry.getValue()));
        var settings = retention.platform();
        return new Figures(retention.content(workspace), settings.trafficMetadata(), settings.audit(),
                (Long) runs[0], lastEver.map(Timestamp::toInstant).orElse(null), purged, holds);
    }
}
