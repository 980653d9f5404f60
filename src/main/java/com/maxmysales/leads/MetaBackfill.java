package com.maxmysales.leads;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.UUID;

import com.maxmysales.platform.Refusal;
import com.maxmysales.shared.WorkspaceId;
import com.maxmysales.whatsapp.GraphClient;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Meta retries a Page webhook for 36 hours only, so leads that arrived while the platform was down, or whose
 * webhook was lost, are read from each form ({@code GET /{form-id}/leads}) since a little before the newest
 * lead already seen. Leads we have are recognised by their id and left alone; new ones are taken in like any
 * other.
 */
@Service
public class MetaBackfill {

    private static final Logger log = LoggerFactory.getLogger(MetaBackfill.class);
    private static final int MAX_PAGES = 100;

    private final LeadSources sources;
    private final LeadRows rows;
    private final LeadCipher cipher;
    private final LeadSignal signal;
    private final GraphClient graph;
    private final JdbcClient jdbc;
    private final LeadsSettings settings;
    private final Clock clock;

    MetaBackfill(LeadSources sources, LeadRows rows, LeadCipher cipher, LeadSignal signal, GraphClient graph,
            JdbcClient jdbc, LeadsSettings settings, Clock clock) {
        this.sources = sources;
        this.rows = rows;
        this.cipher = cipher;
        this.signal = signal;
        this.graph = graph;
        this.jdbc = jdbc;
        this.settings = settings;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${maxmysales.leads.backfill-interval:PT15M}", initialDelayString = "PT30S")
    void backfillAll() {
        for (var owned : sources.allMeta()) {
            try {
                backfill(owned.workspace(), owned.source().id());
            } catch (RuntimeException | InterruptedException e) {
                log.warn("Backfill of lead source {} failed; next run in {}", owned.source().id(), settings.backfillInterval(), e);
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** @return how many leads were new */
    public int backfill(WorkspaceId workspace, UUID sourceId) throws InterruptedException {
        var source = sources.get(workspace, sourceId);
        if (!LeadSource.META.equals(source.type())) {
            throw Refusal.conflict("not-a-meta-source",
                    "Not a Meta source", "only Meta Lead Ads can be read back; Google sends each lead once");
        }
        var page = sources.pageAccess(workspace, sourceId);
        var forms = new LinkedHashSet<>(source.forms());
        forms.addAll(jdbc.sql("select distinct form_id from leads where workspace_id = :workspace and source_id = :source and form_id is not null")
                .param("workspace", workspace.value()).param("source", sourceId).query(String.class).list());
        int added = 0;
        for (var form : forms) {
            try {
                added += backfillForm(workspace, sourceId, form, page);
            } catch (IOException e) {
                log.warn("Backfill of form {} of lead source {} failed: {}", form, sourceId, e.getMessage());
            }
        }
        if (added > 0) {
            signal.afterCommit();
        }
        return added;
    }

    private int backfillForm(WorkspaceId workspace, UUID sourceId, String form, LeadSources.PageAccess access)
            throws IOException, InterruptedException {
        var newest = jdbc.sql("""
                select max(coalesce(submitted_at, received_at)) from leads
                where workspace_id = :workspace and source_id = :source and form_id = :form
                """)
                .param("workspace", workspace.value()).param("source", sourceId).param("form", form)
                .query(java.sql.Timestamp.class).optional();
        var query = new StringBuilder(form + "/leads?limit=100&fields=" + MetaLead.FIELDS);
        if (newest.isPresent()) {
            var since = newest.get().toInstant().minus(settings.backfillOverlap()).getEpochSecond();
            query.append("&filtering=").append(URLEncoder.encode(
                    "[{\"field\":\"time_created\",\"operator\":\"GREATER_THAN\",\"value\":" + since + "}]", StandardCharsets.UTF_8));
        }
        int added = 0;
        var page = graph.read(access.route(), query.toString(), access.token());
        for (int pages = 1; ; pages++) {
            for (var node : page.path("data")) {
                var lead = MetaLead.of(node);
                if (lead.id() != null && rows.insert(new LeadRows.Intake(workspace, sourceId, lead.id(), form,
                        lead.campaignId(), lead.campaignName(), lead.adId(), null, lead.answers().metaTestPlaceholders(),
                        lead.createdTime(), cipher.seal(workspace, lead.answers())), "received", clock.instant())) {
                    added++;
                }
            }
            var next = page.path("paging").path("next").asString("");
            if (next.isBlank() || pages >= MAX_PAGES) {
                break;
            }
            page = graph.readNext(access.route(), next, access.token());
        }
        if (added > 0) {
            log.info("Backfill found {} lead(s) of form {} that no webhook brought", added, form);
        }
        return added;
    }
}
