package com.maxmysales.analytics;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import com.maxmysales.shared.WorkspaceId;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads the intent counts of a range, suppressed under the threshold. */
@Repository
class IntentFigures {

    private final JdbcClient jdbc;
    private final Suppression suppression;

    IntentFigures(JdbcClient jdbc, Suppression suppression) {
        this.jdbc = jdbc;
        this.suppression = suppression;
    }

    IntentReport of(WorkspaceId workspace, DateRange range) {
        var counts = new HashMap<LocalDate, Map<String, Integer>>();
        var totals = new TreeMap<String, Long>();
        jdbc.sql("""
                select day, intent, detected from analytics_intent_days
                where workspace_id = :workspace and day between :from and :to
                """).params(MessageFigures.params(workspace, range, null)).query(rs -> {
                    var intent = rs.getString("intent");
                    counts.computeIfAbsent(rs.getDate("day").toLocalDate(), day -> new HashMap<>())
                            .put(intent, rs.getInt("detected"));
                    totals.merge(intent, (long) rs.getInt("detected"), Long::sum);
                });
        var intents = new TreeSet<>(totals.keySet());
        var days = range.days().stream().map(date -> {
            var ofDay = counts.getOrDefault(date, Map.of());
            var shown = new LinkedHashMap<String, @Nullable Integer>();
            intents.forEach(intent -> shown.put(intent, suppression.count(ofDay.getOrDefault(intent, 0))));
            return new IntentReport.Day(date, shown);
        }).toList();
        var shownTotals = new LinkedHashMap<String, @Nullable Integer>();
        totals.forEach((intent, total) -> shownTotals.put(intent, suppression.count(total)));
        return new IntentReport(range.from(), range.to(), days, shownTotals);
    }
}
