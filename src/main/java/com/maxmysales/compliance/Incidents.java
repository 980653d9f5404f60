package com.maxmysales.compliance;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.maxmysales.compliance.PlatformIncidents.Incident;
import com.maxmysales.compliance.PlatformIncidents.WorkspaceEntry;
import com.maxmysales.platform.Cursor;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The operator's incidents as read back: each with the registers it was entered in. Platform-wide by nature (the
 * operator is nobody's member); what it reads of a workspace is its breach entry's ids, counts and dates, never a
 * person.
 */
@Repository
class Incidents {

    private static final String COLUMNS = "i.id, i.detected_at, i.recorded_at, i.description, i.exposed_from, "
            + "i.exposed_to, i.categories ";

    private final JdbcClient jdbc;

    Incidents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Newest detection first after the cursor's position, each with its workspaces' entries. */
    List<Incident> page(@Nullable Cursor after, int limitPlusOne) {
        var from = Cursor.orFirst(after);
        var rows = jdbc.sql("select " + COLUMNS + """
                 from platform_incidents i where (i.detected_at, i.id) < (:at, :id)
                 order by i.detected_at desc, i.id desc limit :limit""")
                .param("at", Timestamp.from(from.at())).param("id", from.id()).param("limit", limitPlusOne)
                .query(Incidents::row).list();
        return withEntries(rows);
    }

    Optional<Incident> find(UUID id) {
        var rows = jdbc.sql("select " + COLUMNS + " from platform_incidents i where i.id = :id").param("id", id)
                .query(Incidents::row).list();
        return withEntries(rows).stream().findFirst();
    }

    /** The entries of all these incidents in one query. */
    private List<Incident> withEntries(List<Row> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        var entries = new HashMap<UUID, List<WorkspaceEntry>>();
        jdbc.sql("""
                select b.incident_id, b.workspace_id, b.id, b.affected_count,
                       (select count(*) from breach_affected a where a.breach_id = b.id and a.notified_at is not null),
                       b.report_due_at, b.report_filed_at
                from breaches b where b.incident_id = any(:incidents) order by b.incident_id, b.workspace_id""")
                .param("incidents", rows.stream().map(Row::id).toArray(UUID[]::new))
                .query(rs -> {
                    var filed = rs.getTimestamp(7);
                    entries.computeIfAbsent(rs.getObject(1, UUID.class), incident -> new ArrayList<>())
                            .add(new WorkspaceEntry(rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
                                    rs.getInt(4), rs.getInt(5), rs.getTimestamp(6).toInstant(),
                                    filed == null ? null : filed.toInstant()));
                });
        return rows.stream().map(row -> {
            var entered = entries.getOrDefault(row.id(), List.of());
            return new Incident(row.id(), row.detectedAt(), row.recordedAt(), row.description(), row.exposedFrom(),
                    row.exposedTo(), row.categories(), entered.size(),
                    entered.stream().mapToInt(WorkspaceEntry::affectedCount).sum(), List.copyOf(entered));
        }).toList();
    }

    private record Row(UUID id, Instant detectedAt, Instant recordedAt, String description, Instant exposedFrom,
            Instant exposedTo, List<String> categories) {}

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getObject(1, UUID.class), rs.getTimestamp(2).toInstant(), rs.getTimestamp(3).toInstant(),
                rs.getString(4), rs.getTimestamp(5).toInstant(), rs.getTimestamp(6).toInstant(),
                Arrays.asList(rs.getString(7).split(",")));
    }
}
