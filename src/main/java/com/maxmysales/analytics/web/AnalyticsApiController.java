package com.maxmysales.analytics.web;

import java.time.LocalDate;
import java.util.UUID;

import com.maxmysales.analytics.Analytics;
import com.maxmysales.analytics.CampaignReport;
import com.maxmysales.analytics.IntentReport;
import com.maxmysales.analytics.LeadReport;
import com.maxmysales.analytics.MessageReport;
import com.maxmysales.analytics.OptOutReport;
import com.maxmysales.analytics.TeamReport;
import com.maxmysales.shared.Permission;
import com.maxmysales.shared.RequiresPermission;
import com.maxmysales.shared.WorkspaceId;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Anonymised aggregates by day in the workspace's time zone; {@code from} and {@code to} are included. */
@RequiresPermission(Permission.ANALYTICS_VIEW)
@RestController
@RequestMapping("/api/v1/analytics")
@Tag(name = "Analytics", description = "Anonymised counts per day: messages, intents, team, leads, opt-outs, campaigns")
class AnalyticsApiController {

    private final Analytics analytics;
    private final Charts charts;

    AnalyticsApiController(Analytics analytics, Charts charts) {
        this.analytics = analytics;
        this.charts = charts;
    }

    @GetMapping("/messages")
    @Operation(summary = "Messages per day (inbound, sent, delivered, read, replied, failed), rates, failures by code in words, pricing categories; channelId for one number")
    MessageReport messages(WorkspaceId workspace, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
            @RequestParam(required = false) @Nullable UUID channelId) {
        return analytics.messages(workspace, analytics.range(workspace, from, to), channelId);
    }

    @GetMapping("/intents")
    @Operation(summary = "Intents per day as anonymised counts; a count under 5 is null")
    IntentReport intents(WorkspaceId workspace, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to) {
        return analytics.intents(workspace, analytics.range(workspace, from, to));
    }

    @GetMapping("/team")
    @Operation(summary = "First-response and resolution times (median, p90, seconds) per day and per agent, and the backlog; under 5 conversations null")
    TeamReport team(WorkspaceId workspace, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to) {
        return analytics.team(workspace, analytics.range(workspace, from, to));
    }

    @GetMapping("/leads")
    @Operation(summary = "Leads per day, source and form, conversion to a conversation and time to the first WhatsApp contact; counts under 5 null")
    LeadReport leads(WorkspaceId workspace, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to) {
        return analytics.leads(workspace, analytics.range(workspace, from, to));
    }

    @GetMapping("/optouts")
    @Operation(summary = "Opt-outs per day by channel (keyword, button, sentence, meta, email) and email requests within their deadline; counts under 5 null")
    OptOutReport optOuts(WorkspaceId workspace, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to) {
        return analytics.optOuts(workspace, analytics.range(workspace, from, to));
    }

    @GetMapping("/campaigns")
    @Operation(summary = "Campaigns' funnels (sent, delivered, read, replied, opted out) per day and per campaign over the range, with the delivery, read, reply and STOP rates; not suppressed")
    CampaignReport campaigns(WorkspaceId workspace, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to) {
        return analytics.campaigns(workspace, analytics.range(workspace, from, to));
    }

    @GetMapping(path = "/{chart}.csv", produces = "text/csv")
    @Operation(summary = "A chart's data as CSV, one table a file: chart is messages, intents, team, leads, optouts, campaigns (per day) or campaign-funnels (per campaign)")
    ResponseEntity<String> csv(WorkspaceId workspace, @PathVariable String chart,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
            @RequestParam(required = false) @Nullable UUID channelId) {
        var range = analytics.range(workspace, from, to);
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\""
                        + Charts.filename(chart, range.from(), range.to(), "csv") + "\"")
                .body(charts.csv(workspace, chart, range.from(), range.to(), channelId));
    }
}
