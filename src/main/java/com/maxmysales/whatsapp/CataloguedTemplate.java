package com.maxmysales.whatsapp;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A message template of a connected WhatsApp Business Account as Meta last described it by webhook. Each part is as
 * of Meta's latest word on it; a part Meta never spoke of is null.
 *
 * @param status Meta's last review event: APPROVED, REJECTED, PAUSED, DISABLED, FLAGGED, PENDING_DELETION...
 * @param reason Meta's reason code for it (INVALID_FORMAT, SCAM...; NONE for an approval)
 * @param statusDetail what else Meta explained: the rejection's reason, the date it will be disabled, a pause's title
 * @param quality GREEN, YELLOW, RED or UNKNOWN
 * @param category MARKETING, UTILITY or AUTHENTICATION, as Meta (re)categorised it
 * @param components the template's content in Meta's component format (JSON), when it was written here or synced
 */
public record CataloguedTemplate(UUID id, String wabaId, String name, String language, @Nullable String metaTemplateId,
        @Nullable String status, @Nullable String reason, @Nullable String statusDetail, @Nullable Instant statusUpdatedAt,
        @Nullable String quality, @Nullable String previousQuality, @Nullable Instant qualityUpdatedAt,
        @Nullable String category, @Nullable String previousCategory, @Nullable Instant categoryUpdatedAt,
        Instant updatedAt, @Nullable String components) {

    /** The same template, seen again now (Meta may name its id for the first time). */
    CataloguedTemplate seen(@Nullable String templateId, Instant now) {
        return new CataloguedTemplate(id, wabaId, name, language, templateId != null ? templateId : metaTemplateId,
                status, reason, statusDetail, statusUpdatedAt, quality, previousQuality, qualityUpdatedAt, category,
                previousCategory, categoryUpdatedAt, now, components);
    }

    CataloguedTemplate reviewed(String newStatus, @Nullable String newReason, @Nullable String detail, Instant at) {
        return new CataloguedTemplate(id, wabaId, name, language, metaTemplateId, newStatus, newReason, detail, at,
                quality, previousQuality, qualityUpdatedAt, category, previousCategory, categoryUpdatedAt, updatedAt, components);
    }

    CataloguedTemplate scored(String newQuality, @Nullable String previous, Instant at) {
        return new CataloguedTemplate(id, wabaId, name, language, metaTemplateId, status, reason, statusDetail,
                statusUpdatedAt, newQuality, previous, at, category, previousCategory, categoryUpdatedAt, updatedAt, components);
    }

    CataloguedTemplate categorised(String newCategory, @Nullable String previous, Instant at) {
        return new CataloguedTemplate(id, wabaId, name, language, metaTemplateId, status, reason, statusDetail,
                statusUpdatedAt, quality, previousQuality, qualityUpdatedAt, newCategory, previous, at, updatedAt, components);
    }
}
