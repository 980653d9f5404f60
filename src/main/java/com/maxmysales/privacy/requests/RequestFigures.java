package com.maxmysales.privacy.requests;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.maxmysales.shared.WorkspaceId;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;

/** The data-principal requests of a period as counts against their deadlines, for the compliance report (P6). */
@NamedInterface("requests")
@Service
public class RequestFigures {

    /**
     * The requests of one type received in the period, as they stand now.
     *
     * @param completedInTime completed on or before their due date
     * @param overdue still waiting (for verification or an answer) past their due date
     * @param refusedByReason refusals per reason code ({@code legal-hold}, {@code identity-not-verified}...)
     * @param medianHoursToComplete from receipt to completion, null before any completed
     */
    @NamedInterface("requests")
    public record TypeFigures(String type, long received, long verified, long completed, long completedInTime,
            long refused, long waiting, long overdue, Map<String, Long> refusedByReason,
            @Nullable Double medianHoursToComplete) {}

    private final JdbcClient jdbc;
    private final Clock clock;

    RequestFigures(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** One line per request type received in {@code [from, to)}, in a fixed order, types with none included. */
    public List<TypeFigures> of(WorkspaceId workspace, Instant from, Instant to) {
        var byType = new LinkedHashMap<String, TypeFigures>();
        jdbc.sql("""
                select type, count(*), count(verified_at), count(*) filter (where status = 'completed'),
                       count(*) filter (where status = 'completed' and completed_at <= due_at),
                       count(*) filter (where status = 'refused'),
                       count(*) filter (where status in ('awaiting-verification', 'open')),
                       count(*) filter (where status in ('awaiting-verification', 'open') and due_at < :now),
                       percentile_cont(0.5) within group (order by extract(epoch from completed_at - received_at) / 3600)
                           filter (where status = 'completed')
                from privacy_requests
                where workspace_id = :workspace and received_at >= :from and received_at < :to
                group by type""")
                .param("workspace", workspace.value()).param("now", Timestamp.from(clock.instant()))
                .param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
                .query((rs, n) -> new TypeFigures(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                        rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8),
                        refusals(workspace, rs.getString(1), from, to), (Double) rs.getObject(9)))
                .list().forEach(figures -> byType.put(figures.type(), figures));
        return TYPES.stream().map(type -> byType.getOrDefault(type,
                new TypeFigures(type, 0, 0, 0, 0, 0, 0, 0, Map.of(), null))).toList();
    }

    private static final List<String> TYPES = List.of("access", "correction", "erasure", "grievance", "nomination");

    private Map<String, Long> refusals(WorkspaceId workspace, String type, Instant from, Instant to) {
        var reasons = new LinkedHashMap<String, Long>();
        jdbc.sql("""
                select coalesce(refusal_reason, 'unspecified'), count(*) from privacy_requests
                where workspace_id = :workspace and type = :type and status = 'refused'
                  and received_at >= :from and received_at < :to
                group by 1 order by 1""")
                .param("workspace", workspace.value()).param("type", type)
                .param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2))).list()
                .forEach(entry -> reasons.put(entry.getKey(), entry.getValue()));
        return reasons;
    }
}
