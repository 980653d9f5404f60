package com.maxmysales.analytics.web;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import com.maxmysales.analytics.Analytics;
import com.maxmysales.leads.LeadSources;
import com.maxmysales.shared.Permission;
import com.maxmysales.shared.RequiresPermission;
import com.maxmysales.shared.WorkspaceId;
import com.maxmysales.tenancy.WorkspaceManagement;
import com.maxmysales.whatsapp.ChannelManagement;

import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The analytics page: every chart of a range, each also as a table (what a screen reader and the tests read), and
 * its exports. The APIs take no session, so the page's exports are its own, with the same content as the API's.
 */
@RequiresPermission(Permission.ANALYTICS_VIEW)
@Controller
class AnalyticsPages {

    private final Analytics analytics;
    private final Charts charts;
    private final ChannelManagement channels;
    private final WorkspaceManagement workspaces;
    private final LeadSources sources;

    AnalyticsPages(Analytics analytics, Charts charts, ChannelManagement channels, WorkspaceManagement workspaces,
            LeadSources sources) {
        this.analytics = analytics;
        this.charts = charts;
        this.channels = channels;
        this.workspaces = workspaces;
        this.sources = sources;
    }

    @GetMapping("/app/analytics")
    String page(WorkspaceId workspace,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
            @RequestParam(required = false) @Nullable UUID channelId, Model model) {
        var range = analytics.range(workspace, from, to);
        var numbers = new LinkedHashMap<UUID, String>();
        channels.list(workspace).forEach(channel -> numbers.put(channel.id(), channel.displayPhoneNumber()));
        var agents = new LinkedHashMap<UUID, String>();
        workspaces.members(workspace, null, 100).items().forEach(member -> agents.put(member.id(), member.displayName()));
        var sourceNames = new LinkedHashMap<UUID, String>();
        sources.list(workspace).forEach(source -> sourceNames.put(source.id(), source.name()));
        model.addAttribute("range", range);
        model.addAttribute("channelId", channelId);
        model.addAttribute("numbers", numbers);
        model.addAttribute("agents", agents);
        model.addAttribute("sources", sourceNames);
        model.addAttribute("messages", analytics.messages(workspace, range, channelId));
        model.addAttribute("team", analytics.team(workspace, range));
        model.addAttribute("leads", analytics.leads(workspace, range));
        model.addAttribute("optOuts", analytics.optOuts(workspace, range));
        model.addAttribute("intents", analytics.intents(workspace, range));
        model.addAttribute("campaigns", analytics.campaigns(workspace, range));
        model.addAttribute("suppressBelow", analytics.suppressBelow());
        model.addAttribute("timeZone", workspaces.get(workspace).timeZone().getId());
        model.addAttribute("query", query(range.from(), range.to(), channelId));
        return "analytics/page";
    }

    @GetMapping(path = "/app/analytics/{chart}.csv")
    @ResponseBody
    ResponseEntity<String> csv(WorkspaceId workspace, @PathVariable String chart,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
            @RequestParam(required = false) @Nullable UUID channelId) {
        var range = analytics.range(workspace, from, to);
        return download(Charts.filename(chart, range.from(), range.to(), "csv"),
                new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8),
                charts.csv(workspace, chart, range.from(), range.to(), channelId));
    }

    @GetMapping(path = "/app/analytics/{chart}.json")
    @ResponseBody
    ResponseEntity<Object> json(WorkspaceId workspace, @PathVariable String chart,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
            @RequestParam(required = false) @Nullable UUID channelId) {
        var range = analytics.range(workspace, from, to);
        return download(Charts.filename(chart, range.from(), range.to(), "json"), MediaType.APPLICATION_JSON,
                charts.json(workspace, chart, range.from(), range.to(), channelId));
    }

    private static <T> ResponseEntity<T> download(String filename, MediaType type, T body) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + filename + "\"").body(body);
    }

    /** The range (and number) as a query string, for the export links. */
    private static String query(LocalDate from, LocalDate to, @Nullable UUID channel) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("from", from.toString());
        params.put("to", to.toString());
        if (channel != null) {
            params.put("channelId", channel.toString());
        }
        var query = new StringBuilder();
        params.forEach((name, value) -> query.append(query.isEmpty() ? "?" : "&").append(name).append('=').append(value));
        return query.toString();
    }
}
