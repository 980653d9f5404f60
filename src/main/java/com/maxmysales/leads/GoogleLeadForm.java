package com.maxmysales.leads;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import tools.jackson.core.JacksonException;
import tools.jackson.core.json.JsonReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A Google Ads lead form webhook body, read tolerantly: Google's own samples have a trailing comma and spell
 * the key {@code Google_key}, older versions have no {@code column_id}, and new fields appear without notice.
 * Field names are therefore matched without regard to case or underscores, unknown fields are ignored, and
 * ids arrive as numbers or strings.
 */
record GoogleLeadForm(String leadId, String googleKey, String formId, String campaignId, String adgroupId,
        String creativeId, boolean test, Instant submittedAt, Answers answers) {

    private static final JsonMapper TOLERANT = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_TRAILING_COMMA, JsonReadFeature.ALLOW_JAVA_COMMENTS)
            .build();

    /** @return empty when the body is not a JSON object even read tolerantly */
    static Optional<GoogleLeadForm> parse(byte[] body) {
        JsonNode tree;
        try {
            tree = TOLERANT.readTree(body);
        } catch (JacksonException notJson) {
            return Optional.empty();
        }
        if (tree == null || !tree.isObject()) {
            return Optional.empty();
        }
        var answers = new ArrayList<Answer>();
        for (var column : field(tree, "user_column_data")) {
            var label = text(field(column, "column_name"));
            var key = text(field(column, "column_id"));
            var value = text(field(column, "string_value"));
            if (value == null) {
                value = text(field(column, "value"));
            }
            answers.add(new Answer(key == null ? label : key, label, value == null ? List.of() : List.of(value)));
        }
        var test = field(tree, "is_test");
        return Optional.of(new GoogleLeadForm(text(field(tree, "lead_id")), text(field(tree, "google_key")),
                nonZero(text(field(tree, "form_id"))), nonZero(text(field(tree, "campaign_id"))),
                nonZero(text(field(tree, "adgroup_id"))), nonZero(text(field(tree, "creative_id"))),
                test.isBoolean() ? test.asBoolean() : "true".equalsIgnoreCase(text(test)),
                instant(text(field(tree, "lead_submit_time"))),
                new Answers(answers, text(field(tree, "gcl_id")))));
    }

    /** The field whose name matches {@code name} ignoring case and underscores; a missing node otherwise. */
    private static JsonNode field(JsonNode object, String name) {
        var wanted = Answers.normalize(name);
        for (var property : object.properties()) {
            if (Answers.normalize(property.getKey()).equals(wanted)) {
                return property.getValue();
            }
        }
        return tools.jackson.databind.node.MissingNode.getInstance();
    }

    private static String text(JsonNode node) {
        if (node == null || node.isMissingNode() || node.isNull() || node.isContainer()) {
            return null;
        }
        var text = node.asString().strip();
        return text.isEmpty() ? null : text;
    }

    /** Google sends 0 for the ids a test lead has none of. */
    private static String nonZero(String id) {
        return id == null || id.equals("0") ? null : id;
    }

    private static Instant instant(String text) {
        try {
            return text == null ? null : Instant.parse(text);
        } catch (DateTimeParseException notIso) {
            return null;
        }
    }
}
