package com.maxmysales.whatsapp;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;

import com.maxmysales.shared.WorkspaceId;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads every connected account's templates from Meta ({@code GET /{waba-id}/message_templates}, page by page along
 * {@code paging.cursors.after}) into the catalogue: a webhook lost or never sent (a template written in WhatsApp
 * Manager, a review while the platform was down) is caught up at the next run. What it reads is Meta's state now,
 * so it counts as news of now; the catalogue's ordering keeps a newer webhook from being undone.
 */
@Component
class TemplateSync {

    private static final Logger log = LoggerFactory.getLogger(TemplateSync.class);
    static final int PAGE_SIZE = 25;
    /** 250 templates per account is Meta's cap for most accounts; this bounds a paging loop gone wrong. */
    private static final int MAX_PAGES = 400;
    private static final String FIELDS = "id,name,language,status,category,components,rejected_reason,quality_score,"
            + "parameter_format";

    private final Channels channels;
    private final ChannelManagement management;
    private final GraphClient graph;
    private final TemplateCatalogue catalogue;
    private final MessageTemplates templates;
    private final TransactionTemplate transaction;
    private final JsonMapper json;
    private final Clock clock;

    TemplateSync(Channels channels, ChannelManagement management, GraphClient graph, TemplateCatalogue catalogue,
            MessageTemplates templates, TransactionTemplate transaction, JsonMapper json, Clock clock) {
        this.channels = channels;
        this.management = management;
        this.graph = graph;
        this.catalogue = catalogue;
        this.templates = templates;
        this.transaction = transaction;
        this.json = json;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${maxmysales.whatsapp.template-sync-interval:PT15M}",
            initialDelayString = "${maxmysales.whatsapp.template-sync-interval:PT15M}")
    void syncAll() {
        var accounts = new LinkedHashMap<String, Channel>();
        channels.connected().forEach(channel -> accounts.putIfAbsent(channel.workspaceId().value() + "|"
                + channel.wabaId(), channel));
        for (var channel : accounts.values()) {
            try {
                sync(channel);
            } catch (IOException | RuntimeException e) {
                log.warn("Template sync of account {} failed; next run later: {}", channel.wabaId(), e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Syncs every account of the workspace's numbers now; answers how many templates Meta listed. */
    int sync(WorkspaceId workspace) throws IOException, InterruptedException {
        var seen = new java.util.HashSet<String>();
        int count = 0;
        for (var channel : channels.list(workspace)) {
            if (seen.add(channel.wabaId())) {
                count += sync(channel);
            }
        }
        return count;
    }

    private int sync(Channel channel) throws IOException, InterruptedException {
        var route = GraphRoute.of(channel);
        var token = management.accessToken(channel);
        var base = channel.wabaId() + "/message_templates?limit=" + PAGE_SIZE + "&fields=" + FIELDS;
        var page = graph.read(route, base, token);
        int count = 0;
        for (int pages = 1; ; pages++) {
            for (var template : page.path("data")) {
                apply(channel, template);
                count++;
            }
            var after = text(page.path("paging").path("cursors"), "after");
            if (!page.path("paging").has("next") || after == null || page.path("data").isEmpty() || pages >= MAX_PAGES) {
                return count;
            }
            page = graph.read(route, base + "&after=" + URLEncoder.encode(after, StandardCharsets.UTF_8), token);
        }
    }

    private void apply(Channel channel, JsonNode template) {
        var name = text(template, "name");
        var language = text(template, "language");
        if (name == null || language == null) {
            return;
        }
        // Seconds, as Meta times its webhooks: a review Meta sends in this same second still wins over this read.
        var now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        var id = text(template, "id");
        var reason = text(template, "rejected_reason");
        transaction.executeWithoutResult(tx -> {
            catalogue.apply(new TemplateCatalogue.StatusUpdate(channel.wabaId(), id, name, language,
                    text(template, "status"), reason, null, text(template, "category"), now));
            var score = text(template.path("quality_score"), "score");
            if (score != null) {
                catalogue.apply(new TemplateCatalogue.QualityUpdate(channel.wabaId(), id, name, language, null, score, now));
            }
            if (template.path("components").isArray()) {
                var format = "named".equalsIgnoreCase(text(template, "parameter_format")) ? "NAMED" : "POSITIONAL";
                templates.find(channel.workspaceId(), channel.wabaId(), name, language).ifPresent(row ->
                        templates.describe(channel.workspaceId(), row.id(), json.writeValueAsString(
                                template.get("components")), format, null));
            }
        });
    }

    private static @Nullable String text(JsonNode node, String field) {
        var value = node.get(field);
        return value == null || value.isNull() || value.isContainer() ? null : value.asString();
    }
}
