package com.maxmysales.whatsapp;

import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Whether a number may send a template now, asked before a template is queued, from what Meta said of it
 * ({@link TemplateCatalogue}). A template Meta rejected, paused, disabled, or has not yet approved would be refused
 * by Meta (132001, 132015, 132016): it is refused before it is queued. A template Meta never spoke of to this
 * platform (made before the number was connected, or in the sandbox) is queued, and Meta decides when it is sent.
 */
@Component
public class TemplateApprovals {

    /** Meta's review events after which it refuses to send the template. */
    private static final Set<String> REFUSED = Set.of("REJECTED", "PAUSED", "DISABLED", "PENDING", "IN_APPEAL",
            "PENDING_DELETION", "DELETED", "ARCHIVED", "LOCKED");

    public enum Verdict {
        /** Approved, or flagged, reinstated, unarchived...: Meta sends it. */
        APPROVED,
        /** Pending review, rejected, paused or disabled: Meta would refuse it. */
        NOT_APPROVED,
        /** No word from Meta on the template: Meta decides when it is sent. */
        NOT_CATALOGUED
    }

    /**
     * @param status Meta's last review event of the template, null when it never spoke of it
     * @param reason Meta's reason for it, when it gave one beyond {@code NONE}
     * @param category Meta's category of it (MARKETING, UTILITY, AUTHENTICATION), null when unknown
     */
    public record Approval(Verdict verdict, @Nullable String status, @Nullable String reason,
            @Nullable String category) {
        public boolean maySend() {
            return verdict != Verdict.NOT_APPROVED;
        }

        /** Meta counts and prices it as marketing, whatever a caller calls it. */
        public boolean marketing() {
            return "MARKETING".equalsIgnoreCase(category);
        }
    }

    private final TemplateCatalogue catalogue;

    TemplateApprovals(TemplateCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    public Approval of(Channel channel, String name, String language) {
        var template = catalogue.find(channel.workspaceId(), channel.wabaId(), name, language);
        if (template == null || template.status() == null) {
            return new Approval(Verdict.NOT_CATALOGUED, null, null, template == null ? null : template.category());
        }
        var reason = template.reason() == null || "NONE".equalsIgnoreCase(template.reason()) ? null : template.reason();
        return new Approval(REFUSED.contains(template.status().toUpperCase(Locale.ROOT)) ? Verdict.NOT_APPROVED
                : Verdict.APPROVED, template.status(), reason, template.category());
    }
}
