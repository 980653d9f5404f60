package com.maxmysales.privacy.retention;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import com.maxmysales.shared.WorkspaceId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The purge runs, as the purge history page and API show them: counts per retention class and holder. */
@Service
public class PurgeHistory {

    private final JdbcClient jdbc;

    PurgeHistory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Keeps a run and its counts. */
    @Transactional
    void save(PurgeReport report) {
        jdbc.sql("""
                insert into purge_runs (id, started_at, finished_at, dry_run, trigger, workspace_id, failures)
                values (:id, :started, :finished, :dryRun, :trigger, :workspace, :failures)
                """)
                .param("id", report.id()).param("started", Timestamp.from(report.startedAt()))
                .param("finished", Timestamp.from(report.finishedAt())).param("dryRun", report.dryRun())
                .param("trigger", report.trigger()).param("workspace", report.workspace())
                .param("failures", report.failures())
                .update();
        report.lines().forEach(line -> jdbc.sql("""
                insert into purge_counts (run_id, workspace_id, retention_class, category, purged, held)
                values (:run, :workspace, :class, :category, :purged, :held)
                """)
                .param("run", report.id()).param("workspace", line.workspace()).param("class", line.retentionClass())
                .param("category", line.category()).param("purged", line.purged()).param("held", line.held())
                .update());
    }

    /**
     * The runs that purged or held something of this workspace, or that it asked for, newest first, each with
     * this workspace's lines only.
     */
    public List<PurgeReport> ofWorkspace(WorkspaceId workspace, int limit) {
        var runs = jdbc.sql("""
                select * from purge_runs r
                where r.workspace_id = :workspace
                   or exists (select 1 from purge_counts c where c.run_id = r.id and c.workspace_id = :workspace)
                order by r.started_at desc limit :limit
                """)
                .param("workspace", workspace.value()).param("limit", limit)
                .query(PurgeHistory::run).list();
        return withLines(runs, workspace);
    }

    /** Every run, newest first, with all lines: the operator's view. */
    public List<PurgeReport> all(int limit) {
        var runs = jdbc.sql("select * from purge_runs order by started_at desc limit :limit")
                .param("limit", limit).query(PurgeHistory::run).list();
        return withLines(runs, null);
    }

    /** The last real (not rehearsed) run over every workspace. */
    public Optional<PurgeReport> lastScheduledOrFull() {
        return jdbc.sql("select * from purge_runs where not dry_run and workspace_id is null order by started_at desc limit 1")
                .query(PurgeHistory::run).optional();
    }

    private List<PurgeReport> withLines(List<PurgeReport> runs, WorkspaceId workspace) {
        if (runs.isEmpty()) {
            return runs;
        }
        var lines = jdbc.sql("""
                select run_id, workspace_id, retention_class, category, purged, held from purge_counts
                where run_id in (:runs) and (cast(:workspace as uuid) is null or workspace_id = :workspace)
                order by workspace_id nulls first, retention_class, category
                """)
                .param("runs", runs.stream().map(PurgeReport::id).toList())
                .param("workspace", workspace == null ? null : workspace.value())
                .query((rs, n) -> Map.entry(rs.getObject(1, UUID.class), new PurgeLine(
                        rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4), rs.getInt(5), rs.getInt(6))))
                .list().stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        return runs.stream().map(run -> new PurgeReport(run.id(), true, run.startedAt(), run.finishedAt(), run.dryRun(),
                run.trigger(), run.workspace(), run.failures(), lines.getOrDefault(run.id(), List.of()))).toList();
    }

    private static PurgeReport run(ResultSet rs, int n) throws SQLException {
        return new PurgeReport(rs.getObject("id", UUID.class), true, rs.getTimestamp("started_at").toInstant(),
                rs.getTimestamp("finished_at").toInstant(), rs.getBoolean("dry_run"), rs.getString("trigger"),
                rs.getObject("workspace_id", UUID.class), rs.getInt("failures"), List.of());
    }
}
