package com.maxmysales.analytics.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.maxmysales.analytics.CampaignReport;
import com.maxmysales.analytics.IntentReport;
import com.maxmysales.analytics.LeadReport;
import com.maxmysales.analytics.MessageReport;
import com.maxmysales.analytics.OptOutReport;
import com.maxmysales.analytics.TeamReport;
import com.maxmysales.platform.SpreadsheetCells;

import org.jspecify.annotations.Nullable;

/**
 * Each chart's data as CSV (RFC 4180): one row per day, or per agent, source and form, or campaign. A suppressed figure is an
 * empty cell, as it is null in JSON. Codes, numbers and ids, and campaigns' names made inert: nothing a spreadsheet
 * would run as a formula.
 */
final class AnalyticsCsv {

    private AnalyticsCsv() {
    }

    static String messages(MessageReport report) {
        var rows = new ArrayList<List<?>>();
        rows.add(List.of("date", "inbound", "sent", "delivered", "read", "replied", "failed"));
        report.days().forEach(day -> rows.add(List.of(day.date(), day.inbound(), day.sent(), day.delivered(),
                day.read(), day.replied(), day.failed())));
        rows.add(List.of());
        rows.add(List.of("error_code", "meaning", "failed"));
        report.failures().forEach(failure -> rows.add(List.of(failure.code(), failure.meaning(), failure.count())));
        rows.add(List.of());
        rows.add(List.of("pricing_category", "messages"));
        report.pricing().forEach(pricing -> rows.add(List.of(pricing.category(), pricing.messages())));
        return write(rows);
    }

    static String intents(IntentReport report) {
        var rows = new ArrayList<List<?>>();
        var header = new ArrayList<Object>(List.of("date"));
        header.addAll(report.totals().keySet());
        rows.add(header);
        report.days().forEach(day -> rows.add(row(day.date(), day.intents())));
        return write(rows);
    }

    static String team(TeamReport report) {
        var rows = new ArrayList<List<?>>();
        rows.add(List.of("date", "opened", "resolved", "backlog", "responded", "first_response_median_s",
                "first_response_p90_s", "resolution_median_s", "resolution_p90_s", "bot_conversations", "bot_contained",
                "bot_handed_off", "containment_rate"));
        report.days().forEach(day -> rows.add(cells(day.date(), day.opened(), day.resolved(), day.backlog(),
                day.responded(), day.firstResponseMedian(), day.firstResponseP90(), day.resolutionMedian(),
                day.resolutionP90(), day.botConversations(), day.botContained(), day.botHandedOff(),
                day.containmentRate())));
        rows.add(List.of());
        rows.add(List.of("agent_id", "responded", "first_response_median_s", "first_response_p90_s", "resolved",
                "resolution_median_s", "resolution_p90_s"));
        report.agents().forEach(agent -> rows.add(cells(agent.agentId(), agent.responded(), agent.firstResponseMedian(),
                agent.firstResponseP90(), agent.resolved(), agent.resolutionMedian(), agent.resolutionP90())));
        return write(rows);
    }

    static String leads(LeadReport report) {
        var rows = new ArrayList<List<?>>();
        rows.add(List.of("date", "received", "contacted"));
        report.days().forEach(day -> rows.add(cells(day.date(), day.received(), day.contacted())));
        rows.add(List.of());
        rows.add(List.of("source_id", "form_id", "received", "contacted", "conversion", "time_to_contact_median_s",
                "time_to_contact_p90_s"));
        report.sources().forEach(source -> {
            rows.add(cells(source.sourceId(), null, source.received(), source.contacted(), source.conversion(),
                    source.timeToContactMedian(), source.timeToContactP90()));
            source.forms().forEach(form -> rows.add(cells(source.sourceId(), form.formId(), form.received(),
                    form.contacted())));
        });
        return write(rows);
    }

    static String optOuts(OptOutReport report) {
        var rows = new ArrayList<List<?>>();
        var header = new ArrayList<Object>(List.of("date"));
        header.addAll(OptOutReport.CHANNELS);
        rows.add(header);
        report.days().forEach(day -> rows.add(row(day.date(), day.channels())));
        rows.add(List.of());
        rows.add(List.of("email_requests_processed", "email_requests_within_deadline"));
        rows.add(cells(report.emailRequestsProcessed(), report.emailRequestsWithinDeadline()));
        return write(rows);
    }

    /** The campaigns' funnel per day: the chart's figures. Per campaign is a table of its own ({@link #campaignFunnels}). */
    static String campaigns(CampaignReport report) {
        var rows = new ArrayList<List<?>>();
        rows.add(List.of("date", "sent", "delivered", "read", "replied", "opted_out"));
        report.days().forEach(day -> rows.add(List.of(day.date(), day.sent(), day.delivered(), day.read(),
                day.replied(), day.optedOut())));
        return write(rows);
    }

    /**
     * Each campaign's funnel over the range, one row per campaign: a file of its own, since a CSV is one table — a
     * second header row halfway down breaks every spreadsheet's sort, filter and import.
     */
    static String campaignFunnels(CampaignReport report) {
        var rows = new ArrayList<List<?>>();
        rows.add(List.of("campaign_id", "name", "sent", "delivered", "read", "replied", "opted_out", "delivery_rate",
                "read_rate", "reply_rate", "stop_rate"));
        report.campaigns().forEach(campaign -> rows.add(cells(campaign.campaignId(), inert(campaign.name()), campaign.sent(),
                campaign.delivered(), campaign.read(), campaign.replied(), campaign.optedOut(), campaign.deliveryRate(),
                campaign.readRate(), campaign.replyRate(), campaign.stopRate())));
        return write(rows);
    }

    /** A campaign's name is whatever its author typed: it is written as text, never as a formula. */
    private static @Nullable String inert(@Nullable String text) {
        return text == null ? null : SpreadsheetCells.text(text);
    }

    private static List<?> row(Object first, Map<String, @Nullable Integer> values) {
        var row = new ArrayList<@Nullable Object>();
        row.add(first);
        row.addAll(values.values());
        return row;
    }

    private static List<?> cells(@Nullable Object... values) {
        var row = new ArrayList<@Nullable Object>();
        java.util.Collections.addAll(row, values);
        return row;
    }

    private static String write(List<List<?>> rows) {
        var csv = new StringBuilder();
        for (var row : rows) {
            for (var i = 0; i < row.size(); i++) {
                if (i > 0) {
                    csv.append(',');
                }
                csv.append(cell(row.get(i)));
            }
            csv.append("\r\n");
        }
        return csv.toString();
    }

    private static String cell(@Nullable Object value) {
        if (value == null) {
            return "";
        }
        var text = value.toString();
        return text.matches("[A-Za-z0-9_.\\-:]*") ? text : '"' + text.replace("\"", "\"\"") + '"';
    }
}
