package com.maxmysales.leads.web;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.maxmysales.leads.FollowUpRule;
import com.maxmysales.leads.LeadSource;
import com.maxmysales.leads.LeadSources;
import com.maxmysales.leads.MetaBackfill;
import com.maxmysales.leads.TestLeads;
import com.maxmysales.platform.Refusal;
import com.maxmysales.shared.Permission;
import com.maxmysales.shared.RequiresPermission;
import com.maxmysales.shared.Secret;
import com.maxmysales.shared.WorkspaceId;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@RequiresPermission(Permission.LEAD_SOURCES_MANAGE)
@RestController
@RequestMapping("/api/v1/lead-sources")
@Tag(name = "Leads", description = "Google Ads lead forms and Meta Lead Ads, followed up on WhatsApp")
class LeadSourceController {

    private final LeadSources sources;
    private final MetaBackfill backfill;
    private final TestLeads testLeads;
    private final WebhookUrls urls;
    private final JsonMapper json;

    LeadSourceController(LeadSources sources, MetaBackfill backfill, TestLeads testLeads, WebhookUrls urls,
            JsonMapper json) {
        this.sources = sources;
        this.testLeads = testLeads;
        this.backfill = backfill;
        this.urls = urls;
        this.json = json;
    }

    /** @param sandbox Meta only: a page of the built-in sandbox instead of a real one (no pageId, no token) */
    record NewSource(String type, String name, String key, String pageId, String pageAccessToken, List<String> forms,
            FollowUpRule followUp, Boolean sandbox) {

        boolean wantsSandbox() {
            return Boolean.TRUE.equals(sandbox);
        }
    }

    /**
     * @param webhookUrl Google: paste it into the lead form's webhook settings; Meta: the Page webhook to subscribe
     * @param key Google: the key to paste beside it, only when this platform generated it, and only now
     */
    record SourceView(UUID id, String type, String name, String pageId, List<String> forms, FollowUpRule followUp,
            boolean sandbox, String webhookUrl, String key, Instant createdAt) {}

    @PostMapping
    @Operation(summary = "Register a lead source",
            description = "Google: {\"type\":\"google\",\"key\":\"...\"} (omit key to have one generated) answers with "
                    + "the webhook URL and key to paste into Google Ads. Meta: {\"type\":\"meta\",\"pageId\",\"pageAccessToken\"}"
                    + " (a long-lived Page token with leads_retrieval, which Meta must confirm is that page's, else 422; "
                    + "stored encrypted, never shown again), optional forms to backfill; or {\"type\":\"meta\","
                    + "\"sandbox\":true} for a page of the built-in sandbox with one form (404 when the sandbox is off). "
                    + "Optional followUp: {templateName, language, variables:[{field, fallback}], "
                    + "delaySeconds, channelId, agents:[memberId], marketingQuestion}.")
    @ApiResponse(responseCode = "201", description = "Registered; a Google source's key is shown only this once")
    @ApiResponse(responseCode = "400", description = "`invalid-lead-source`")
    @ApiResponse(responseCode = "404", description = "`sandbox-off`: a sandbox page while the sandbox is off")
    @ApiResponse(responseCode = "409", description = "`lead-source-exists`")
    @ApiResponse(responseCode = "422", description = "`lead-source-not-confirmed`, `custom-key-not-allowed`, `sandbox-limit`")
    ResponseEntity<SourceView> create(WorkspaceId workspace, @RequestBody NewSource request) {
        var type = request.type() == null ? "" : request.type();
        var view = switch (type) {
            case LeadSource.GOOGLE -> {
                var created = sources.createGoogle(workspace, request.name(), request.key(), request.followUp());
                yield view(created.source(), created.key());
            }
            case LeadSource.META -> view(createMeta(workspace, request), null);
            default -> throw Refusal.invalid("invalid-lead-source", "Invalid lead source",
                    "type must be google or meta");
        };
        return ResponseEntity.created(URI.create("/api/v1/lead-sources/" + view.id())).cacheControl(CacheControl.noStore())
                .body(view);
    }

    @GetMapping
    @Operation(summary = "The workspace's lead sources")
    List<SourceView> list(WorkspaceId workspace) {
        return sources.list(workspace).stream().map(source -> view(source, null)).toList();
    }

    @GetMapping("/{leadSourceId}")
    @Operation(summary = "One lead source")
    SourceView get(WorkspaceId workspace, @PathVariable UUID leadSourceId) {
        return view(sources.get(workspace, leadSourceId), null);
    }

    @PutMapping("/{leadSourceId}/follow-up")
    @Operation(summary = "Set the follow-up rule of a source")
    SourceView setFollowUp(WorkspaceId workspace, @PathVariable UUID leadSourceId,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @io.swagger.v3.oas.annotations
                    .media.Content(schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = FollowUpRule.class)))
            @RequestBody JsonNode rule) {
        sources.get(workspace, leadSourceId);
        FollowUpRule parsed;
        try {
            parsed = json.treeToValue(rule, FollowUpRule.class);
        } catch (JacksonException invalid) {
            if (invalid.getCause() instanceof Refusal problem) {
                throw problem;
            }
            throw Refusal.invalid("invalid-lead-source", "Invalid lead source",
                    "followUp is not a follow-up rule: " + invalid.getOriginalMessage());
        }
        return view(sources.setFollowUp(workspace, leadSourceId, parsed), null);
    }

    @DeleteMapping("/{leadSourceId}/follow-up")
    @Operation(summary = "Stop following up this source's leads (they are still collected)")
    SourceView removeFollowUp(WorkspaceId workspace, @PathVariable UUID leadSourceId) {
        return view(sources.setFollowUp(workspace, leadSourceId, null), null);
    }

    @PostMapping("/{leadSourceId}/backfill")
    @Operation(summary = "Read a Meta source's forms now for leads no webhook brought (also runs every 15 minutes)")
    Map<String, Integer> backfill(WorkspaceId workspace, @PathVariable UUID leadSourceId) throws InterruptedException {
        return Map.of("added", backfill.backfill(workspace, leadSourceId));
    }

    record NewTestLead(String formId, String name, String phone, String email) {}

    @PostMapping("/{leadSourceId}/test-leads")
    @Operation(summary = "Have Meta create a test lead of this Page's form (POST /{form-id}/test_leads)",
            description = "Meta then sends the leadgen webhook, and the lead goes the whole way, follow-up included. "
                    + "formId defaults to the source's first form.")
    @ApiResponse(responseCode = "202", description = "Asked; the lead arrives by Meta's webhook")
    ResponseEntity<Map<String, String>> testLead(WorkspaceId workspace, @PathVariable UUID leadSourceId,
            @RequestBody NewTestLead request) throws InterruptedException {
        var id = testLeads.create(workspace, leadSourceId, request.formId(), request.name(), request.phone(), request.email());
        return ResponseEntity.accepted().body(Map.of("leadgenId", id));
    }

    private LeadSource createMeta(WorkspaceId workspace, NewSource request) {
        if (!request.wantsSandbox()) {
            return sources.createMeta(workspace, request.name(), request.pageId(),
                    request.pageAccessToken() == null ? null : Secret.of(request.pageAccessToken()), request.forms(),
                    request.followUp());
        }
        if (request.pageId() != null || request.pageAccessToken() != null || request.forms() != null) {
            throw Refusal.invalid("invalid-lead-source", "Invalid lead source",
                    "a sandbox page gets its id, form and token from the sandbox: send no pageId, pageAccessToken or forms");
        }
        return sources.createSandboxMeta(workspace, request.name(), request.followUp());
    }

    private SourceView view(LeadSource source, Secret key) {
        return new SourceView(source.id(), source.type(), source.name(), source.pageId(), source.forms(),
                source.followUp(), source.sandbox(), urls.of(source), key == null ? null : key.reveal(),
                source.createdAt());
    }
}
