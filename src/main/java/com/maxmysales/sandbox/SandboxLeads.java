package com.maxmysales.sandbox;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.maxmysales.sandbox.WebhookPayloads.Change;
import com.maxmysales.sandbox.WebhookPayloads.Entry;
import com.maxmysales.sandbox.WebhookPayloads.LeadgenValue;
import com.maxmysales.sandbox.WebhookPayloads.Notification;
import com.maxmysales.shared.WorkspaceId;

import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Meta Lead Ads as its testing tool drives them: {@code POST /{form-id}/test_leads} creates a lead of a page
 * and fires the signed {@code leadgen} page webhook; the platform then reads the lead by id or by form.
 * Only a workspace's own sandbox page and its form take test leads, and only that workspace reads them back:
 * a lead cannot be pushed into another business's follow-up. The newest leads are kept in memory.
 */
@Component
@WhenSandboxEnabled
public class SandboxLeads {

    static final int KEPT = 5_000;
    /** A lead form's answers are a few short fields; larger ones only fill memory. */
    static final int MAX_FIELD_DATA_CHARS = 4_096;

    /** @param fieldData Meta's {@code [{"name": ..., "values": [...]}, ...]}, as submitted */
    public record Lead(String id, WorkspaceId workspace, String pageId, String formId, Instant createdTime,
            JsonNode fieldData) {
    }

    private final SandboxRegistry registry;
    private final WebhookDelivery delivery;
    private final Clock clock;
    private final Map<String, Lead> leads = new LinkedHashMap<>(64, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Lead> eldest) {
            return size() > KEPT;
        }
    };

    SandboxLeads(SandboxRegistry registry, WebhookDelivery delivery, Clock clock) {
        this.registry = registry;
        this.delivery = delivery;
        this.clock = clock;
    }

    /** @throws GraphError unknown object when the page or the form is not one of the workspace's */
    public Lead createTestLead(WorkspaceId workspace, String formId, JsonNode request) {
        var pageId = SendRequest.string(request, "page_id");
        if (pageId == null || pageId.isBlank()) {
            throw GraphError.missing("page_id");
        }
        var page = registry.page(workspace, pageId).orElseThrow(() -> GraphError.unknownObject("POST", pageId));
        if (!formId.equals(page.formId())) {
            throw GraphError.unknownObject("POST", formId);
        }
        var fieldData = request.path("field_data");
        if (!fieldData.isArray() || fieldData.isEmpty()) {
            throw GraphError.missing("field_data");
        }
        if (fieldData.toString().length() > MAX_FIELD_DATA_CHARS) {
            throw GraphError.invalid("Param field_data is too large: at most " + MAX_FIELD_DATA_CHARS + " characters.");
        }
        for (var field : fieldData) {
            if (SendRequest.string(field, "name") == null || !field.path("values").isArray()) {
                throw GraphError.invalid("Each field_data item needs a name and a values array.");
            }
        }
        var lead = new Lead(SandboxIds.graphId(), workspace, pageId, formId, clock.instant(), fieldData);
        synchronized (this) {
            leads.put(lead.id(), lead);
        }
        var value = new LeadgenValue(lead.id(), pageId, formId, lead.createdTime().getEpochSecond());
        delivery.deliverToPage(Notification.page(new Entry(pageId, lead.createdTime().getEpochSecond(),
                List.of(new Change("leadgen", value)))));
        return lead;
    }

    public synchronized Optional<Lead> find(WorkspaceId workspace, String id) {
        return Optional.ofNullable(leads.get(id)).filter(lead -> lead.workspace().equals(workspace));
    }

    /** Newest first, as Graph lists them. */
    public synchronized List<Lead> ofForm(WorkspaceId workspace, String formId) {
        return leads.values().stream()
                .filter(lead -> lead.formId().equals(formId) && lead.workspace().equals(workspace))
                .toList().reversed();
    }
}
