package com.maxmysales.leads;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import com.maxmysales.shared.WorkspaceId;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the webhooks do before they answer: authenticate, store the lead durably (idempotent on the ad
 * platform's lead id), wake the workers. Reading, matching and the follow-up happen after the answer.
 */
@Service
public class LeadIntake {

    private static final Logger log = LoggerFactory.getLogger(LeadIntake.class);

    public enum GoogleOutcome { STORED, DUPLICATE, MISSING_KEY, WRONG_KEY, MALFORMED, NO_LEAD_ID }

    /** @param queued leads new to us; @param unknownPages leadgen changes of pages no source has */
    public record LeadgenOutcome(int queued, int unknownPages) {}

    private final LeadSources sources;
    private final LeadRows rows;
    private final LeadCipher cipher;
    private final LeadSignal signal;
    private final JsonMapper json;
    private final Clock clock;

    LeadIntake(LeadSources sources, LeadRows rows, LeadCipher cipher, LeadSignal signal, JsonMapper json, Clock clock) {
        this.sources = sources;
        this.rows = rows;
        this.cipher = cipher;
        this.signal = signal;
        this.json = json;
        this.clock = clock;
    }

    /**
     * A Google Ads lead form webhook. The key is checked before anything is stored; a wrong one stores nothing.
     *
     * @param sourceId the source named in the webhook URL, if any: then the key must be that source's
     */
    @Transactional
    public GoogleOutcome acceptGoogle(byte[] body, UUID sourceId) {
        var parsed = GoogleLeadForm.parse(body);
        if (parsed.isEmpty()) {
            return GoogleOutcome.MALFORMED;
        }
        var form = parsed.get();
        if (form.googleKey() == null) {
            return GoogleOutcome.MISSING_KEY;
        }
        var owner = sources.byGoogleKey(form.googleKey())
                .filter(found -> sourceId == null || found.source().id().equals(sourceId));
        if (owner.isEmpty()) {
            return GoogleOutcome.WRONG_KEY;
        }
        if (form.leadId() == null) {
            return GoogleOutcome.NO_LEAD_ID;
        }
        var workspace = owner.get().workspace();
        var stored = rows.insert(new LeadRows.Intake(workspace, owner.get().source().id(), form.leadId(), form.formId(),
                form.campaignId(), null, form.creativeId(), form.adgroupId(), form.test(), form.submittedAt(),
                cipher.seal(workspace, form.answers())), "received", clock.instant());
        if (stored) {
            signal.afterCommit();
        }
        return stored ? GoogleOutcome.STORED : GoogleOutcome.DUPLICATE;
    }

    /**
     * A Page webhook that passed the signature check: each {@code leadgen} change of a page a source has becomes
     * a lead to read from the Graph API. The webhook carries ids only.
     *
     * @return null when the body is not JSON
     */
    @Transactional
    public LeadgenOutcome acceptLeadgen(byte[] body) {
        JsonNode tree;
        try {
            tree = json.readTree(body);
        } catch (JacksonException notJson) {
            return null;
        }
        if (tree == null || !tree.isObject()) {
            return null;
        }
        int queued = 0;
        int unknown = 0;
        for (var entry : tree.path("entry")) {
            for (var change : entry.path("changes")) {
                if (!"leadgen".equals(change.path("field").asString(""))) {
                    continue;
                }
                var value = change.path("value");
                var pageId = id(value.path("page_id"), entry.path("id"));
                var leadgenId = id(value.path("leadgen_id"), null);
                var owner = pageId == null ? Optional.<LeadSources.Owned>empty() : sources.byPage(pageId);
                if (owner.isEmpty() || leadgenId == null) {
                    unknown++;
                    continue;
                }
                if (queue(owner.get().workspace(), owner.get().source().id(), leadgenId, id(value.path("form_id"), null),
                        id(value.path("ad_id"), null), id(value.path("adgroup_id"), null), MetaLead.time(value.path("created_time")))) {
                    queued++;
                }
            }
        }
        if (unknown > 0) {
            // Ids only: which page it was tells the operator which source to add.
            log.warn("{} leadgen change(s) for a page without a lead source (or without a leadgen_id) were ignored", unknown);
        }
        if (queued > 0) {
            signal.afterCommit();
        }
        return new LeadgenOutcome(queued, unknown);
    }

    private boolean queue(WorkspaceId workspace, UUID sourceId, String leadgenId, String formId, String adId,
            String adgroupId, Instant createdTime) {
        return rows.insert(new LeadRows.Intake(workspace, sourceId, leadgenId, formId, null, null, adId, adgroupId,
                false, createdTime, LeadRows.Sealed.NOTHING_YET), "fetching", clock.instant());
    }

    /** Meta sends ids as strings or numbers. */
    private static String id(JsonNode node, JsonNode fallback) {
        var chosen = node == null || node.isMissingNode() || node.isNull() ? fallback : node;
        if (chosen == null || chosen.isMissingNode() || chosen.isNull()) {
            return null;
        }
        var text = chosen.isNumber() ? chosen.numberValue().toString() : chosen.asString("").strip();
        return text.isEmpty() ? null : text;
    }
}
