package com.maxmysales.analytics;

import java.sql.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.maxmysales.shared.WorkspaceId;
import com.maxmysales.whatsapp.ErrorWords;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads the message aggregates of a range, of one number or all. */
@Repository
class MessageFigures {

    private final JdbcClient jdbc;

    MessageFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    MessageReport of(WorkspaceId workspace, DateRange range, @Nullable UUID channel) {
        var byDay = new HashMap<java.time.LocalDate, MessageReport.Day>();
        jdbc.sql("""
                select day, sum(inbound) inbound, sum(sent) sent, sum(delivered) delivered, sum(read) read,
                       sum(replied) replied, sum(failed) failed
                from analytics_message_days
                where workspace_id = :workspace and day between :from and :to
                  and (cast(:channel as uuid) is null or channel_id = :channel)
                group by day
                """).params(params(workspace, range, channel))
                .query((rs, n) -> new MessageReport.Day(rs.getDate("day").toLocalDate(), rs.getInt("inbound"),
                        rs.getInt("sent"), rs.getInt("delivered"), rs.getInt("read"), rs.getInt("replied"),
                        rs.getInt("failed")))
                .list().forEach(day -> byDay.put(day.date(), day));
        var days = range.days().stream()
                .map(date -> byDay.getOrDefault(date, new MessageReport.Day(date, 0, 0, 0, 0, 0, 0))).toList();
        return new MessageReport(range.from(), range.to(), channel, days, totals(days),
                failures(workspace, range, channel), pricing(workspace, range, channel), channels(workspace, range));
    }

    private static MessageReport.Totals totals(List<MessageReport.Day> days) {
        int inbound = 0, sent = 0, delivered = 0, read = 0, replied = 0, failed = 0;
        for (var day : days) {
            inbound += day.inbound();
            sent += day.sent();
            delivered += day.delivered();
            read += day.read();
            replied += day.replied();
            failed += day.failed();
        }
        return new MessageReport.Totals(inbound, sent, delivered, read, replied, failed, rate(delivered, sent),
                rate(read, delivered));
    }

    private static @Nullable Double rate(int part, int whole) {
        return whole == 0 ? null : Math.round(10_000.0 * part / whole) / 10_000.0;
    }

    private List<MessageReport.Failure> failures(WorkspaceId workspace, DateRange range, @Nullable UUID channel) {
        return jdbc.sql("""
                select error_code, sum(failed) failed from analytics_failure_days
                where workspace_id = :workspace and day between :from and :to
                  and (cast(:channel as uuid) is null or channel_id = :channel)
                group by error_code order by sum(failed) desc, error_code
                """).params(params(workspace, range, channel))
                .query((rs, n) -> new MessageReport.Failure(rs.getInt("error_code"), meaning(rs.getInt("error_code")),
                        rs.getInt("failed")))
                .list();
    }

    private List<MessageReport.Pricing> pricing(WorkspaceId workspace, DateRange range, @Nullable UUID channel) {
        return jdbc.sql("""
                select category, sum(messages) messages from analytics_pricing_days
                where workspace_id = :workspace and day between :from and :to
                  and (cast(:channel as uuid) is null or channel_id = :channel)
                group by category order by category
                """).params(params(workspace, range, channel))
                .query((rs, n) -> new MessageReport.Pricing(rs.getString("category"), rs.getInt("messages")))
                .list();
    }

    private List<UUID> channels(WorkspaceId workspace, DateRange range) {
        return jdbc.sql("""
                select distinct channel_id from analytics_message_days
                where workspace_id = :workspace and day between :from and :to and channel_id <> :none
                order by channel_id
                """).params(params(workspace, range, null)).param("none", Aggregates.NONE)
                .query(UUID.class).list();
    }

    static String meaning(int code) {
        if (code == 0) {
            return "No error code was given";
        }
        var words = ErrorWords.of(code);
        return words != null ? words : "An error Meta did not describe further";
    }

    static Map<String, Object> params(WorkspaceId workspace, DateRange range, @Nullable UUID channel) {
        var params = new HashMap<String, Object>();
        params.put("workspace", workspace.value());
        params.put("from", Date.valueOf(range.from()));
        params.put("to", Date.valueOf(range.to()));
        params.put("channel", channel);
        return params;
    }
}
