package com.maxmysales.leads;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.maxmysales.platform.Backoff;
import com.maxmysales.whatsapp.GraphClient;
import com.maxmysales.whatsapp.GraphCallFailed;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Reads a Meta lead the webhook named ({@code GET /{leadgen-id}} with the Page's token), retried with
 * exponential backoff and jitter, and given up after the configured attempts: a lead Meta will not hand out
 * (deleted, token revoked) must not be retried forever.
 */
@Component
class MetaLeadReader {

    private static final Logger log = LoggerFactory.getLogger(MetaLeadReader.class);
    private static final Duration MAX_DELAY = Duration.ofHours(1);

    private final GraphClient graph;
    private final LeadSources sources;
    private final LeadRows rows;
    private final LeadCipher cipher;
    private final LeadsSettings settings;
    private final Clock clock;
    private final Backoff backoff;

    MetaLeadReader(GraphClient graph, LeadSources sources, LeadRows rows, LeadCipher cipher, LeadsSettings settings,
            Clock clock) {
        this.graph = graph;
        this.sources = sources;
        this.rows = rows;
        this.cipher = cipher;
        this.settings = settings;
        this.clock = clock;
        this.backoff = Backoff.exponential(settings.retryDelay(), MAX_DELAY.compareTo(settings.retryDelay()) < 0
                ? settings.retryDelay() : MAX_DELAY).withJitter(0.25);
    }

    void read(LeadRows.Row lead) throws InterruptedException {
        try {
            var page = sources.pageAccess(lead.workspace(), lead.sourceId());
            var node = graph.read(page.route(), lead.externalId() + "?fields=" + MetaLead.FIELDS, page.token());
            var meta = MetaLead.of(node);
            rows.fetched(lead.workspace(), lead.id(), cipher.seal(lead.workspace(), meta.answers()), meta.campaignId(),
                    meta.campaignName(), meta.adId(), meta.answers().metaTestPlaceholders(), meta.createdTime());
        } catch (GraphCallFailed refused) {
            failed(lead, "Graph error " + refused.code() + ": " + refused.getMessage());
        } catch (IOException unreachable) {
            failed(lead, "Graph API unreachable: " + unreachable.getClass().getSimpleName());
        }
    }

    private void failed(LeadRows.Row lead, String error) {
        var attempt = lead.attempts() + 1;
        Instant next = null;
        if (attempt < settings.fetchAttempts()) {
            next = clock.instant().plus(backoff.after(attempt));
        }
        log.warn("Reading Meta lead {} failed (attempt {} of {}): {}", lead.id(), attempt, settings.fetchAttempts(), error);
        rows.fetchFailed(lead.workspace(), lead.id(), error, next);
    }
}
