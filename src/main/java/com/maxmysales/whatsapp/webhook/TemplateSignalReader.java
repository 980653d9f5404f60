package com.maxmysales.whatsapp.webhook;

import java.util.ArrayList;

import com.maxmysales.whatsapp.TemplateCatalogue;

import tools.jackson.databind.JsonNode;

/**
 * Reads the template fields (entry id = the WABA; no metadata): {@code message_template_status_update},
 * {@code message_template_quality_update} and {@code template_category_update}.
 */
final class TemplateSignalReader {

    private TemplateSignalReader() {
    }

    static Notification read(String field, JsonNode entry, JsonNode value) {
        var waba = Json.text(entry, "id");
        var wabaId = waba == null ? "" : waba;
        var id = Json.text(value, "message_template_id");
        var name = Json.text(value, "message_template_name");
        var language = Json.text(value, "message_template_language");
        var at = Json.epochSeconds(entry.path("time"));
        TemplateCatalogue.Update update = switch (field) {
            case "message_template_quality_update" -> new TemplateCatalogue.QualityUpdate(wabaId, id, name, language,
                    Json.text(value, "previous_quality_score"), Json.text(value, "new_quality_score"), at);
            case "template_category_update" -> new TemplateCatalogue.CategoryUpdate(wabaId, id, name, language,
                    Json.text(value, "previous_category"), Json.text(value, "new_category"), at);
            default -> new TemplateCatalogue.StatusUpdate(wabaId, id, name, language, Json.text(value, "event"),
                    Json.text(value, "reason"), detail(value), Json.text(value, "message_template_category"), at);
        };
        return new Notification.TemplateSignal(update);
    }

    /** What Meta explained beside the event, readable: why it rejected, when it will disable, which pause. */
    private static String detail(JsonNode value) {
        var parts = new ArrayList<String>();
        add(parts, null, Json.text(value.path("rejection_info"), "reason"));
        add(parts, "recommendation", Json.text(value.path("rejection_info"), "recommendation"));
        add(parts, "disable date", Json.text(value.path("disable_info"), "disable_date"));
        add(parts, null, Json.text(value.path("other_info"), "title"));
        add(parts, null, Json.text(value.path("other_info"), "description"));
        return parts.isEmpty() ? null : String.join("; ", parts);
    }

    private static void add(java.util.List<String> parts, String label, String value) {
        if (value != null && !value.isBlank()) {
            parts.add(label == null ? value : label + ": " + value);
        }
    }
}
