package com.maxmysales.analytics;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;

import com.maxmysales.shared.WorkspaceId;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads leads per day, source and form, and the time to the first contact; counts under the threshold are null. */
@Repository
class LeadFigures {

    private record Row(LocalDate day, UUID source, long form, int received, int contacted) {}

    private final JdbcClient jdbc;
    private final Suppression suppression;

    LeadFigures(JdbcClient jdbc, Suppression suppression) {
        this.jdbc = jdbc;
        this.suppression = suppression;
    }

    LeadReport of(WorkspaceId workspace, DateRange range) {
        var params = MessageFigures.params(workspace, range, null);
        var rows = jdbc.sql("""
                select day, source_id, form_id, received, contacted from analytics_lead_days
                where workspace_id = :workspace and day between :from and :to order by source_id, form_id
                """).params(params).query((rs, n) -> new Row(rs.getDate("day").toLocalDate(),
                        rs.getObject("source_id", UUID.class), rs.getLong("form_id"), rs.getInt("received"),
                        rs.getInt("contacted"))).list();
        var histograms = new HashMap<UUID, long[]>();
        jdbc.sql("""
                select source_id, buckets from analytics_lead_contact_days
                where workspace_id = :workspace and day between :from and :to
                """).params(params).query(rs -> {
                    DurationBuckets.add(histograms.computeIfAbsent(rs.getObject("source_id", UUID.class),
                            source -> DurationBuckets.empty()), rs.getArray("buckets"));
                });
        var perDay = new HashMap<LocalDate, long[]>();
        rows.forEach(row -> {
            var counts = perDay.computeIfAbsent(row.day(), day -> new long[2]);
            counts[0] += row.received();
            counts[1] += row.contacted();
        });
        var days = range.days().stream().map(date -> {
            var counts = perDay.getOrDefault(date, new long[2]);
            return new LeadReport.Day(date, suppression.count(counts[0]), suppression.count(counts[1]));
        }).toList();
        return new LeadReport(range.from(), range.to(), days, sources(rows, histograms));
    }

    private List<LeadReport.Source> sources(List<Row> rows, HashMap<UUID, long[]> histograms) {
        var bySource = new LinkedHashMap<UUID, LinkedHashMap<Long, long[]>>();
        rows.forEach(row -> {
            var counts = bySource.computeIfAbsent(row.source(), source -> new LinkedHashMap<>())
                    .computeIfAbsent(row.form(), form -> new long[2]);
            counts[0] += row.received();
            counts[1] += row.contacted();
        });
        var sources = new ArrayList<LeadReport.Source>();
        bySource.forEach((source, forms) -> {
            long received = forms.values().stream().mapToLong(counts -> counts[0]).sum();
            long contacted = forms.values().stream().mapToLong(counts -> counts[1]).sum();
            var histogram = histograms.getOrDefault(source, DurationBuckets.empty());
            var timed = java.util.Arrays.stream(histogram).sum();
            var shownForms = forms.entrySet().stream().map(form -> new LeadReport.Form(
                    form.getKey() == 0 ? null : form.getKey().toString(), suppression.count(form.getValue()[0]),
                    suppression.count(form.getValue()[1]))).toList();
            sources.add(new LeadReport.Source(source, suppression.count(received), suppression.count(contacted),
                    conversion(received, contacted),
                    suppression.enough(timed) ? DurationBuckets.quantile(histogram, 0.5) : null,
                    suppression.enough(timed) ? DurationBuckets.quantile(histogram, 0.9) : null, shownForms));
        });
        return sources;
    }

    private @Nullable Double conversion(long received, long contacted) {
        return suppression.enough(received) ? Math.round(10_000.0 * contacted / received) / 10_000.0 : null;
    }
}
