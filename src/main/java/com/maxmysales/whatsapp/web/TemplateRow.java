package com.maxmysales.whatsapp.web;

import java.util.Locale;

import com.maxmysales.whatsapp.CataloguedTemplate;
import com.maxmysales.whatsapp.TemplateReasons;

/** A line of the templates page: Meta's review and its reason in words. */
public record TemplateRow(String id, String name, String language, String category, String status, String statusWords,
        String reasonWords, String detail, String quality) {

    static TemplateRow of(CataloguedTemplate template) {
        var status = template.status() == null ? "UNKNOWN" : template.status();
        var reason = "REJECTED".equals(status) || "PAUSED".equals(status) || "DISABLED".equals(status)
                ? TemplateReasons.reason(template.reason()) : "";
        return new TemplateRow(template.id().toString(), template.name(), template.language(),
                template.category() == null ? "" : template.category().toLowerCase(Locale.ROOT), status,
                TemplateReasons.status(status), reason, template.statusDetail() == null ? "" : template.statusDetail(),
                template.quality() == null ? "" : template.quality().toLowerCase(Locale.ROOT));
    }

    /** The badge's class: approved green, pending grey, the rest red. */
    public String badge() {
        return switch (status) {
            case "APPROVED" -> "badge-ok";
            case "PENDING", "UNKNOWN" -> "badge-wait";
            default -> "badge-stop";
        };
    }
}
