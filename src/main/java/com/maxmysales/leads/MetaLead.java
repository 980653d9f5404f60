package com.maxmysales.leads;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * A lead as {@code GET /{leadgen-id}} (or a form's {@code /leads}) answers: {@code field_data} questions with
 * value arrays, consent checkboxes in {@code custom_disclaimer_responses}, and ad and campaign ids.
 */
record MetaLead(String id, String formId, String campaignId, String campaignName, String adId, Instant createdTime,
        Answers answers) {

    /** The Lead node fields the platform reads. */
    static final String FIELDS = "id,created_time,field_data,custom_disclaimer_responses,ad_id,ad_name,adset_id,"
            + "campaign_id,campaign_name,form_id,is_organic,platform";

    // Meta writes "2026-01-01T02:13:15+0000": an offset without a colon.
    private static final DateTimeFormatter GRAPH_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssZ");

    static MetaLead of(JsonNode lead) {
        var answers = new ArrayList<Answer>();
        for (var field : lead.path("field_data")) {
            var values = new ArrayList<String>();
            field.path("values").forEach(value -> values.add(value.asString()));
            answers.add(new Answer(field.path("name").asString(null), null, values));
        }
        for (var checkbox : lead.path("custom_disclaimer_responses")) {
            var checked = checkbox.path("is_checked");
            var yes = checked.isBoolean() ? checked.asBoolean() : "1".equals(checked.asString("")) || "true".equals(checked.asString(""));
            answers.add(new Answer(checkbox.path("checkbox_key").asString(null), null, List.of(yes ? "yes" : "no")));
        }
        return new MetaLead(lead.path("id").asString(null), text(lead, "form_id"), text(lead, "campaign_id"),
                text(lead, "campaign_name"), text(lead, "ad_id"), time(lead.path("created_time")),
                new Answers(answers, null));
    }

    private static String text(JsonNode lead, String field) {
        var node = lead.path(field);
        return node.isMissingNode() || node.isNull() || node.asString("").isBlank() ? null : node.asString();
    }

    /** Lead nodes carry ISO time with {@code +0000}; webhooks carry Unix seconds. */
    static Instant time(JsonNode node) {
        if (node.isNumber()) {
            return Instant.ofEpochSecond(node.asLong());
        }
        var text = node.asString("");
        if (text.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text, GRAPH_TIME).toInstant();
        } catch (DateTimeParseException notGraphTime) {
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException notIso) {
                return null;
            }
        }
    }
}
