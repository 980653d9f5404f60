package com.maxmysales.analytics;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import com.maxmysales.shared.WorkspaceId;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads opt-outs per channel and the email requests of a range. Opt-outs per channel are shown as they are, never
 * suppressed: the business sees each opt-out by person on its opt-out page and in the compliance report, so a small
 * count singles out nobody it does not already know, and a suppressed one would disagree with both. The email
 * requests stay suppressed under the threshold.
 */
@Repository
class OptOutFigures {

    private final JdbcClient jdbc;
    private final Suppression suppression;

    OptOutFigures(JdbcClient jdbc, Suppression suppression) {
        this.jdbc = jdbc;
        this.suppression = suppression;
    }

    OptOutReport of(WorkspaceId workspace, DateRange range) {
        var params = MessageFigures.params(workspace, range, null);
        var counts = new HashMap<LocalDate, Map<String, Integer>>();
        var totals = new HashMap<String, Long>();
        jdbc.sql("""
                select day, channel, optouts from analytics_optout_days
                where workspace_id = :workspace and day between :from and :to
                """).params(params).query(rs -> {
                    counts.computeIfAbsent(rs.getDate("day").toLocalDate(), day -> new HashMap<>())
                            .put(rs.getString("channel"), rs.getInt("optouts"));
                    totals.merge(rs.getString("channel"), (long) rs.getInt("optouts"), Long::sum);
                });
        var days = range.days().stream().map(date -> {
            var ofDay = counts.getOrDefault(date, Map.of());
            var shown = new LinkedHashMap<String, @Nullable Integer>();
            OptOutReport.CHANNELS.forEach(channel -> shown.put(channel, ofDay.getOrDefault(channel, 0)));
            return new OptOutReport.Day(date, shown);
        }).toList();
        var shownTotals = new LinkedHashMap<String, @Nullable Integer>();
        OptOutReport.CHANNELS.forEach(channel -> shownTotals.put(channel, Math.toIntExact(totals.getOrDefault(channel, 0L))));
        long[] email = jdbc.sql("""
                select coalesce(sum(processed), 0), coalesce(sum(within_deadline), 0) from analytics_email_request_days
                where workspace_id = :workspace and day between :from and :to
                """).params(params).query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
        return new OptOutReport(range.from(), range.to(), days, shownTotals, suppression.count(email[0]),
                suppression.enough(email[0]) ? Math.toIntExact(email[1]) : null);
    }
}
