package com.maxmysales.analytics;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.UUID;

import com.maxmysales.shared.WorkspaceId;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads the team's histograms and the backlog of a range; per-agent and per-day figures under the threshold are null. */
@Repository
class TeamFigures {

    private record Histograms(long[] firstResponse, long[] resolution) {

        Histograms() {
            this(DurationBuckets.empty(), DurationBuckets.empty());
        }

        long[] of(String metric) {
            return metric.equals("first_response") ? firstResponse : resolution;
        }
    }

    private record Backlog(int opened, int resolved, int openAtEnd) {}

    private final JdbcClient jdbc;
    private final Suppression suppression;

    TeamFigures(JdbcClient jdbc, Suppression suppression) {
        this.jdbc = jdbc;
        this.suppression = suppression;
    }

    TeamReport of(WorkspaceId workspace, DateRange range) {
        var params = MessageFigures.params(workspace, range, null);
        // Summed in SQL per day and per agent: a busy workspace's 90 days are 60,000 rows of buckets, 4,000 summed.
        var byDay = new HashMap<LocalDate, Histograms>();
        jdbc.sql("""
                select day, metric, bucket, sum(conversations) conversations from analytics_team_days
                where workspace_id = :workspace and day between :from and :to group by day, metric, bucket
                """).params(params).query(rs -> {
                    byDay.computeIfAbsent(rs.getDate("day").toLocalDate(), day -> new Histograms())
                            .of(rs.getString("metric"))[rs.getInt("bucket")] += rs.getLong("conversations");
                });
        var byAgent = new LinkedHashMap<UUID, Histograms>();
        jdbc.sql("""
                select agent_id, metric, bucket, sum(conversations) conversations from analytics_team_days
                where workspace_id = :workspace and day between :from and :to group by agent_id, metric, bucket
                order by agent_id
                """).params(params).query(rs -> {
                    byAgent.computeIfAbsent(rs.getObject("agent_id", UUID.class), agent -> new Histograms())
                            .of(rs.getString("metric"))[rs.getInt("bucket")] += rs.getLong("conversations");
                });
        var backlogs = new HashMap<LocalDate, Backlog>();
        jdbc.sql("""
                select day, opened, resolved, open_at_end from analytics_backlog_days
                where workspace_id = :workspace and day between :from and :to
                """).params(params).query(rs -> {
                    backlogs.put(rs.getDate("day").toLocalDate(),
                            new Backlog(rs.getInt("opened"), rs.getInt("resolved"), rs.getInt("open_at_end")));
                });
        var carried = jdbc.sql("""
                select open_at_end from analytics_backlog_days where workspace_id = :workspace and day < :from
                order by day desc limit 1
                """).params(params).query(Integer.class).optional().orElse(0);
        var days = new ArrayList<TeamReport.Day>();
        for (var date : range.days()) {
            var backlog = backlogs.get(date);
            if (backlog != null) {
                carried = backlog.openAtEnd();
            }
            var histograms = byDay.getOrDefault(date, new Histograms());
            var responded = total(histograms.firstResponse());
            days.add(new TeamReport.Day(date, backlog == null ? 0 : backlog.opened(),
                    backlog == null ? 0 : backlog.resolved(), carried, suppression.count(responded),
                    quantile(histograms.firstResponse(), 0.5), quantile(histograms.firstResponse(), 0.9),
                    quantile(histograms.resolution(), 0.5), quantile(histograms.resolution(), 0.9)));
        }
        var agents = new ArrayList<TeamReport.Agent>();
        byAgent.forEach((agent, histograms) -> agents.add(new TeamReport.Agent(
                agent.equals(Aggregates.NONE) ? null : agent, suppression.count(total(histograms.firstResponse())),
                quantile(histograms.firstResponse(), 0.5), quantile(histograms.firstResponse(), 0.9),
                suppression.count(total(histograms.resolution())), quantile(histograms.resolution(), 0.5),
                quantile(histograms.resolution(), 0.9))));
        return new TeamReport(range.from(), range.to(), days, agents);
    }

    private @Nullable Long quantile(long[] histogram, double q) {
        return suppression.enough(total(histogram)) ? DurationBuckets.quantile(histogram, q) : null;
    }

    private static long total(long[] histogram) {
        long total = 0;
        for (var count : histogram) {
            total += count;
        }
        return total;
    }
}
