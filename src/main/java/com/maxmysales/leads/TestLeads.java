package com.maxmysales.leads;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.maxmysales.platform.Refusal;
import com.maxmysales.shared.WorkspaceId;
import com.maxmysales.whatsapp.GraphClient;

import org.springframework.stereotype.Service;

/**
 * A test lead through Meta's own testing path ({@code POST /{form-id}/test_leads}, which the sandbox serves
 * too): Meta creates it and sends the {@code leadgen} webhook, so the test goes through everything a real lead
 * goes through, the follow-up included.
 */
@Service
public class TestLeads {

    private final LeadSources sources;
    private final GraphClient graph;

    TestLeads(LeadSources sources, GraphClient graph) {
        this.sources = sources;
        this.graph = graph;
    }

    /** @return Meta's id of the new lead */
    public String create(WorkspaceId workspace, UUID sourceId, String formId, String name, String phone, String email)
            throws InterruptedException {
        var source = sources.get(workspace, sourceId);
        if (!LeadSource.META.equals(source.type())) {
            throw Refusal.conflict("not-a-meta-source", "Not a Meta source",
                    "test leads are Meta's: for Google, use \"Send test data\" in the lead form's webhook settings");
        }
        var form = formId != null && !formId.isBlank() ? formId.strip() : source.forms().stream().findFirst()
                .orElseThrow(() -> Refusal.invalid("no-form", "No form",
                        "name the lead form (formId): the source lists none"));
        var fields = new java.util.ArrayList<Map<String, Object>>();
        field(fields, "full_name", name);
        field(fields, "phone_number", phone);
        field(fields, "email", email);
        if (fields.isEmpty()) {
            throw Refusal.invalid("invalid-test-lead", "Invalid test lead",
                    "a test lead needs a name, phone or email");
        }
        var page = sources.pageAccess(workspace, sourceId);
        try {
            return graph.post(page.route(), form + "/test_leads", Map.of("page_id", source.pageId(), "field_data", fields),
                    page.token()).path("id").asString();
        } catch (IOException refused) {
            throw new Refusal(Refusal.Kind.UPSTREAM_FAILED, "graph-refused", "Graph API refused",
                    "Meta did not create the test lead: " + refused.getMessage());
        }
    }

    private static void field(List<Map<String, Object>> fields, String name, String value) {
        if (value != null && !value.isBlank()) {
            fields.add(Map.of("name", name, "values", List.of(value.strip())));
        }
    }
}
