package com.maxmysales.whatsapp.web;

import java.time.Instant;
import java.util.UUID;

import com.maxmysales.platform.CursorPage;
import com.maxmysales.shared.Permission;
import com.maxmysales.shared.RequiresPermission;
import com.maxmysales.shared.WorkspaceId;
import com.maxmysales.whatsapp.CataloguedTemplate;
import com.maxmysales.whatsapp.TemplateCatalogue;
import com.maxmysales.whatsapp.TemplateSubmissions;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The message templates of the workspace's WhatsApp Business Accounts, as Meta's webhooks described them. */
@RequiresPermission(Permission.CHANNELS_VIEW)
@RestController
@RequestMapping("/api/v1/templates")
@Tag(name = "Templates", description = "Message templates: Meta's review status, quality and category of each")
class TemplateController {

    private final TemplateCatalogue catalogue;
    private final TemplateSubmissions submissions;
    private final JsonMapper json;

    TemplateController(TemplateCatalogue catalogue, TemplateSubmissions submissions, JsonMapper json) {
        this.catalogue = catalogue;
        this.submissions = submissions;
        this.json = json;
    }

    /** A template to write, in Meta's component format (see the API contract). */
    record NewTemplate(String name, String language, String category, String parameterFormat, JsonNode components,
            UUID channelId) {
    }

    /**
     * A template as the API shows it: {@code status} is Meta's last review event (a template {@code REJECTED},
     * {@code PAUSED}, {@code DISABLED}, {@code PENDING}... is refused when sent), {@code rejectedReason} its reason
     * code, {@code statusDetail} what else Meta explained; {@code quality} GREEN, YELLOW or RED.
     */
    record TemplateBody(UUID id, String wabaId, String name, String language, String metaTemplateId, String status,
            String rejectedReason, String statusDetail, Instant statusUpdatedAt, String quality, String previousQuality,
            Instant qualityUpdatedAt, String category, String previousCategory, Instant categoryUpdatedAt,
            Instant updatedAt, JsonNode components) {
        static TemplateBody of(CataloguedTemplate template, JsonMapper json) {
            return new TemplateBody(template.id(), template.wabaId(), template.name(), template.language(),
                    template.metaTemplateId(), template.status(),
                    "NONE".equalsIgnoreCase(template.reason()) ? null : template.reason(), template.statusDetail(),
                    template.statusUpdatedAt(), template.quality(), template.previousQuality(),
                    template.qualityUpdatedAt(), template.category(), template.previousCategory(),
                    template.categoryUpdatedAt(), template.updatedAt(),
                    template.components() == null ? null : json.readTree(template.components()));
        }
    }

    @GetMapping
    @Operation(summary = "Templates Meta told the platform about, latest news first, optionally by status")
    CursorPage<TemplateBody> list(WorkspaceId workspace, @RequestParam(required = false) String status,
            @RequestParam(required = false) String cursor, @RequestParam(required = false) Integer limit) {
        return catalogue.list(workspace, status, cursor, limit).map(template -> TemplateBody.of(template, json));
    }

    @GetMapping("/{templateId}")
    @Operation(summary = "One template")
    TemplateBody get(WorkspaceId workspace, @PathVariable UUID templateId) {
        return TemplateBody.of(catalogue.get(workspace, templateId), json);
    }

    /**
     * Checks Meta's rules ({@code 422 invalid-template} lists every violation with its field), then submits it:
     * {@code 201} with the template {@code PENDING}. Safe to retry: the same name and language on the number's
     * account answers {@code 200} with the template already there.
     */
    @PostMapping
    @RequiresPermission(Permission.TEMPLATES_MANAGE)
    @Operation(summary = "Write a template and submit it to Meta for review")
    ResponseEntity<TemplateBody> create(WorkspaceId workspace, @RequestBody NewTemplate template) {
        var submitted = submissions.submit(workspace, new TemplateSubmissions.Submission(template.name(),
                template.language(), template.category(), template.parameterFormat(), template.components(),
                template.channelId()));
        return ResponseEntity.status(submitted.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(TemplateBody.of(submitted.template(), json));
    }
}
