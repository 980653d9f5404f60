package com.maxmysales.analytics.web;

import java.time.LocalDate;
import java.util.UUID;

import com.maxmysales.analytics.Analytics;
import com.maxmysales.analytics.DateRange;
import com.maxmysales.platform.Refusal;
import com.maxmysales.shared.WorkspaceId;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** The charts by name, as JSON-ready reports or CSV, for the API and the page's exports alike. */
@Component
class Charts {

    private final Analytics analytics;

    Charts(Analytics analytics) {
        this.analytics = analytics;
    }

    Object json(WorkspaceId workspace, String chart, @Nullable LocalDate from, @Nullable LocalDate to,
            @Nullable UUID channel) {
        var range = analytics.range(workspace, from, to);
        return switch (chart) {
            case "messages" -> analytics.messages(workspace, range, channel);
            case "intents" -> analytics.intents(workspace, range);
            case "team" -> analytics.team(workspace, range);
            case "leads" -> analytics.leads(workspace, range);
            case "optouts" -> analytics.optOuts(workspace, range);
            case "campaigns" -> analytics.campaigns(workspace, range);
            default -> throw unknown(chart);
        };
    }

    String csv(WorkspaceId workspace, String chart, @Nullable LocalDate from, @Nullable LocalDate to,
            @Nullable UUID channel) {
        DateRange range = analytics.range(workspace, from, to);
        return switch (chart) {
            case "messages" -> AnalyticsCsv.messages(analytics.messages(workspace, range, channel));
            case "intents" -> AnalyticsCsv.intents(analytics.intents(workspace, range));
            case "team" -> AnalyticsCsv.team(analytics.team(workspace, range));
            case "leads" -> AnalyticsCsv.leads(analytics.leads(workspace, range));
            case "optouts" -> AnalyticsCsv.optOuts(analytics.optOuts(workspace, range));
            case "campaigns" -> AnalyticsCsv.campaigns(analytics.campaigns(workspace, range));
            case "campaign-funnels" -> AnalyticsCsv.campaignFunnels(analytics.campaigns(workspace, range));
            default -> throw unknown(chart);
        };
    }

    static String filename(String chart, LocalDate from, LocalDate to, String extension) {
        return "analytics-" + chart + "-" + from + "-" + to + "." + extension;
    }

    private static Refusal unknown(String chart) {
        return Refusal.notFound("analytics chart " + chart);
    }
}
