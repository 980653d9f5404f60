package com.maxmysales.analytics;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.TreeMap;
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

    private record BotDay(int engaged, int contained, int handedOff) {}

    private final JdbcClient jdbc;
    private final Suppression suppression;

    TeamFigures(JdbcClient jdbc, Suppression suppression) {
        this.jdbc = jdbc;
        this.suppression = suppression;
    }

    TeamReport of(WorkspaceId workspace, DateRange range) {
        var params = MessageFigures.params(workspace, range, null);
        // One histogram row per day, agent and metric (90 busy days: 3,600 rows), summed here both ways.
        var byDay = new HashMap<LocalDate, Histograms>();
        var byAgent = new TreeMap<UUID, Histograms>(Comparator.comparing(UUID::toString)); // as SQL orders uuids
        jdbc.sql("""
                select day, agent_id, metric, buckets from analytics_team_days
                where workspace_id = :workspace and day between :from and :to
                """).params(params).query(rs -> {
                    var metric = rs.getString("metric");
                    var buckets = rs.getArray("buckets");
                    DurationBuckets.add(byDay.computeIfAbsent(rs.getDate("day").toLocalDate(), day -> new Histograms())
                            .of(metric), buckets);
                    DurationBuckets.add(byAgent.computeIfAbsent(rs.getObject("agent_id", UUID.class),
                            agent -> new Histograms()).of(metric), buckets);
                });
        var backlogs = new HashMap<LocalDate, Backlog>();
        jdbc.sql("""
                select day, opened, resolved, open_at_end from analytics_backlog_days
                where workspace_id = :workspace and day between :from and :to
                """).params(params).query(rs -> {
                    backlogs.put(rs.getDate("day").toLocalDate(),
                            new Backlog(rs.getInt("opened"), rs.getInt("resolved"), rs.getInt("open_at_end")));
                });
        var bots = new HashMap<LocalDate, BotDay>();
        jdbc.sql("""
                select day, engaged, contained, handed_off from analytics_bot_days
                where workspace_id = :workspace and day between :from and :to
                """).params(params).query(rs -> {
                    bots.put(rs.getDate("day").toLocalDate(),
                            new BotDay(rs.getInt("engaged"), rs.getInt("contained"), rs.getInt("handed_off")));
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
            var bot = bots.getOrDefault(date, new BotDay(0, 0, 0));
            var responded = total(histograms.firstResponse());
            days.add(new TeamReport.Day(date, backlog == null ? 0 : backlog.opened(),
                    backlog == null ? 0 : backlog.resolved(), carried, suppression.count(responded),
                    quantile(histograms.firstResponse(), 0.5), quantile(histograms.firstResponse(), 0.9),
                    quantile(histograms.resolution(), 0.5), quantile(histograms.resolution(), 0.9), bot.engaged(),
                    bot.contained(), bot.handedOff(), containment(bot.contained(), bot.handedOff())));
        }
        var agents = new ArrayList<TeamReport.Agent>();
        byAgent.forEach((agent, histograms) -> agents.add(new TeamReport.Agent(
                agent.equals(Aggregates.NONE) ? null : agent, suppression.count(total(histograms.firstResponse())),
                quantile(histograms.firstResponse(), 0.5), quantile(histograms.firstResponse(), 0.9),
                suppression.count(total(histograms.resolution())), quantile(histograms.resolution(), 0.5),
                quantile(histograms.resolution(), 0.9))));
        var engaged = bots.values().stream().mapToInt(BotDay::engaged).sum();
        var contained = bots.values().stream().mapToInt(BotDay::contained).sum();
        var handedOff = bots.values().stream().mapToInt(BotDay::handedOff).sum();
        return new TeamReport(range.from(), range.to(), days, agents,
                new TeamReport.Bot(engaged, contained, handedOff, containment(contained, handedOff)));
    }

    /** Of the bot's conversations that ended, the share without a person; null over fewer than the threshold. */
    private @Nullable Double containment(int contained, int handedOff) {
        var ended = contained + handedOff;
        return suppression.enough(ended) ? Math.round(10_000.0 * contained / ended) / 10_000.0 : null;
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
