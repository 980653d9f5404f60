package com.maxmysales.chatbot.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A step of a flow as the editor's form shows and sends it: every field as text (blank when the step's type has no
 * such field). Menu options are one a line, {@code Title -> next-step}; choices are comma-separated.
 */
public record StepView(String id, String type, String text, String next, String style, String button, String options,
        String attribute, String validation, String choices, String retry, String kind, String value, String then,
        String otherwise, String action, String tag, String template, String language, String url, String intent) {

    public static final List<String> TYPES = List.of("message", "menu", "question", "condition", "action");

    /** Whether a field for the given step types (space-separated) belongs to this step's form. */
    public boolean shows(String types) {
        return List.of(types.split(" ")).contains(type);
    }

    /** One line for the list and the graph. */
    public String summary() {
        return switch (type) {
            case "message" -> text;
            case "menu" -> text + " [" + String.join(" | ", options.lines().map(line -> line.split("->")[0].strip()).toList()) + "]";
            case "question" -> text + " → " + attribute + " (" + validation + ")";
            case "condition" -> "if " + kind + (attribute.isEmpty() ? "" : " " + attribute) + (tag.isEmpty() ? "" : " " + tag)
                    + (intent.isEmpty() ? "" : " " + intent) + (value.isEmpty() ? "" : " = " + value);
            case "action" -> action + (tag.isEmpty() ? "" : " " + tag) + (template.isEmpty() ? "" : " " + template)
                    + (url.isEmpty() ? "" : " " + url) + (attribute.isEmpty() ? "" : " " + attribute + " = " + value);
            default -> type;
        };
    }

    static StepView of(JsonNode step) {
        var options = new StringBuilder();
        step.path("options").forEach(option -> options.append(option.path("title").asString(""))
                .append(option.path("next").isString() ? " -> " + option.path("next").asString() : "").append('\n'));
        var choices = new ArrayList<String>();
        step.path("choices").forEach(choice -> choices.add(choice.asString("")));
        var condition = step.path("if");
        var type = step.path("type").asString("");
        var isCondition = "condition".equals(type);
        return new StepView(s(step, "id"), type, s(step, "text"), s(step, "next"), step.path("style").asString("buttons"),
                s(step, "button"), options.toString().strip(),
                isCondition ? s(condition, "attribute") : s(step, "attribute"), step.path("validation").asString("text"),
                String.join(", ", choices), s(step, "retry"), s(condition, "kind"),
                isCondition ? s(condition, "equals") : s(step, "value"), s(step, "then"), s(step, "else"),
                s(step, "action"), isCondition ? s(condition, "tag") : s(step, "tag"), s(step, "template"),
                step.path("language").asString("en"), s(step, "url"), s(condition, "intent"));
    }

    /** The step's JSON from the form: only the fields of its type. */
    static ObjectNode json(JsonMapper json, Map<String, String> form) {
        var step = json.createObjectNode();
        var type = field(form, "type");
        step.put("id", field(form, "id"));
        step.put("type", type);
        switch (type) {
            case "message" -> {
                step.put("text", field(form, "text"));
                optional(step, "next", field(form, "next"));
            }
            case "menu" -> {
                step.put("text", field(form, "text"));
                step.put("style", "list".equals(field(form, "style")) ? "list" : "buttons");
                optional(step, "button", field(form, "button"));
                var options = step.putArray("options");
                field(form, "options").lines().map(String::strip).filter(line -> !line.isEmpty()).forEach(line -> {
                    var parts = line.split("->", 2);
                    var option = options.addObject();
                    option.put("id", parts[0].strip().toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-"));
                    option.put("title", parts[0].strip());
                    if (parts.length == 2 && !parts[1].isBlank()) {
                        option.put("next", parts[1].strip());
                    }
                });
            }
            case "question" -> {
                step.put("text", field(form, "text"));
                step.put("attribute", field(form, "attribute"));
                step.put("validation", field(form, "validation").isEmpty() ? "text" : field(form, "validation"));
                var choices = step.putArray("choices");
                for (var choice : field(form, "choices").split(",")) {
                    if (!choice.isBlank()) {
                        choices.add(choice.strip());
                    }
                }
                optional(step, "retry", field(form, "retry"));
                optional(step, "next", field(form, "next"));
            }
            case "condition" -> {
                var test = step.putObject("if");
                test.put("kind", field(form, "kind"));
                optional(test, "attribute", field(form, "attribute"));
                optional(test, "equals", field(form, "value"));
                optional(test, "tag", field(form, "tag"));
                optional(test, "intent", field(form, "intent"));
                optional(step, "then", field(form, "then"));
                optional(step, "else", field(form, "otherwise"));
            }
            case "action" -> {
                step.put("action", field(form, "action"));
                optional(step, "tag", field(form, "tag"));
                optional(step, "attribute", field(form, "attribute"));
                optional(step, "value", field(form, "value"));
                optional(step, "template", field(form, "template"));
                optional(step, "language", field(form, "language"));
                optional(step, "url", field(form, "url"));
                optional(step, "next", field(form, "next"));
            }
            default -> {
                // FlowJson names the unknown type when the draft is checked.
            }
        }
        return step;
    }

    private static String field(Map<String, String> form, String name) {
        var value = form.get(name);
        return value == null ? "" : value.strip();
    }

    private static void optional(ObjectNode node, String name, @Nullable String value) {
        if (value != null && !value.isBlank()) {
            node.put(name, value.strip());
        }
    }

    private static String s(JsonNode node, String field) {
        return node.path(field).asString("");
    }
}
