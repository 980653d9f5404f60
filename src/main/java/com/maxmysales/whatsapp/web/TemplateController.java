package com.maxmysales.whatsapp.web;

import java.time.Instant;
import java.util.UUID;

import com.maxmysales.platform.CursorPage;
import com.maxmysales.shared.Permission;
import com.maxmysales.shared.RequiresPermission;
import com.maxmysales.shared.WorkspaceId;
import com.maxmysales.whatsapp.CataloguedTemplate;
import com.maxmysales.whatsapp.TemplateCatalogue;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The message templates of the workspace's WhatsApp Business Accounts, as Meta's webhooks described them. */
@RequiresPermission(Permission.CHANNELS_VIEW)
@RestController
@RequestMapping("/api/v1/templates")
@Tag(name = "Templates", description = "Message templates: Meta's review status, quality and category of each")
class TemplateController {

    private final TemplateCatalogue catalogue;

    TemplateController(TemplateCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    /**
     * A template as the API shows it: {@code status} is Meta's last review event (a template {@code REJECTED},
     * {@code PAUSED}, {@code DISABLED}, {@code PENDING}... is refused when sent), {@code rejectedReason} its reason
     * code, {@code statusDetail} what else Meta explained; {@code quality} GREEN, YELLOW or RED.
     */
    record TemplateBody(UUID id, String wabaId, String name, String language, String metaTemplateId, String status,
            String rejectedReason, String statusDetail, Instant statusUpdatedAt, String quality, String previousQuality,
            Instant qualityUpdatedAt, String category, String previousCategory, Instant categoryUpdatedAt,
            Instant updatedAt) {
        static TemplateBody of(CataloguedTemplate template) {
            return new TemplateBody(template.id(), template.wabaId(), template.name(), template.language(),
                    template.metaTemplateId(), template.status(),
                    "NONE".equalsIgnoreCase(template.reason()) ? null : template.reason(), template.statusDetail(),
                    template.statusUpdatedAt(), template.quality(), template.previousQuality(),
                    template.qualityUpdatedAt(), template.category(), template.previousCategory(),
                    template.categoryUpdatedAt(), template.updatedAt());
        }
    }

    @GetMapping
    @Operation(summary = "Templates Meta told the platform about, latest news first, optionally by status")
    CursorPage<TemplateBody> list(WorkspaceId workspace, @RequestParam(required = false) String status,
            @RequestParam(required = false) String cursor, @RequestParam(required = false) Integer limit) {
        return catalogue.list(workspace, status, cursor, limit).map(TemplateBody::of);
    }

    @GetMapping("/{templateId}")
    @Operation(summary = "One template")
    TemplateBody get(WorkspaceId workspace, @PathVariable UUID templateId) {
        return TemplateBody.of(catalogue.get(workspace, templateId));
    }
}
