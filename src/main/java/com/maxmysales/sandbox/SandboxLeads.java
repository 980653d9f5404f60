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

import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Meta Lead Ads as its testing tool drives them: {@code POST /{form-id}/test_leads} creates a lead of a page
 * and fires the signed {@code leadgen} page webhook; the platform then reads the lead by id or by form.
 * The newest leads are kept in memory, like everything in the sandbox.
 */
@Component
@WhenSandboxEnabled
public class SandboxLeads {

    static final int KEPT = 10_000;

    /** @param fieldData Meta's {@code [{"name": ..., "values": [...]}, ...]}, as submitted */
    public record Lead(String id, String pageId, String formId, Instant createdTime, JsonNode fieldData) {
    }

    private final WebhookDelivery delivery;
    private final Clock clock;
    private final Map<String, Lead> leads = new LinkedHashMap<>(64, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Lead> eldest) {
            return size() > KEPT;
        }
    };

    SandboxLeads(WebhookDelivery delivery, Clock clock) {
        this.delivery = delivery;
        this.clock = clock;
    }

    public Lead createTestLead(String formId, JsonNode request) {
        var pageId = SendRequest.string(request, "page_id");
        if (pageId == null || pageId.isBlank()) {
            throw GraphError.missing("page_id");
        }
        var fieldData = request.path("field_data");
        if (!fieldData.isArray() || fieldData.isEmpty()) {
            throw GraphError.missing("field_data");
        }
        for (var field : fieldData) {
            if (SendRequest.string(field, "name") == null || !field.path("values").isArray()) {
                throw GraphError.invalid("Each field_data item needs a name and a values array.");
            }
        }
        var lead = new Lead(SandboxIds.graphId(), pageId, formId, clock.instant(), fieldData);
        synchronized (this) {
            leads.put(lead.id(), lead);
        }
        var value = new LeadgenValue(lead.id(), pageId, formId, lead.createdTime().getEpochSecond());
        delivery.deliverToPage(Notification.page(new Entry(pageId, lead.createdTime().getEpochSecond(),
                List.of(new Change("leadgen", value)))));
        return lead;
    }

    public synchronized Optional<Lead> find(String id) {
        return Optional.ofNullable(leads.get(id));
    }

    /** Newest first, as Graph lists them. */
    public synchronized List<Lead> ofForm(String formId) {
        return leads.values().stream().filter(lead -> lead.formId().equals(formId)).toList().reversed();
    }
}
