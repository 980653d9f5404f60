package com.maxmysales.whatsapp.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.maxmysales.whatsapp.TemplateViolation;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The builder's form: one field per part a person fills in, turned into Meta's components. Each violation the rule
 * checker finds (named by component and button index) is mapped back to the form field it came from, so the page
 * shows it next to that field.
 *
 * @param bodySamples one sample per line, in the order of the body's variables ({@code name=value} for named ones)
 * @param quickReplies one label per line
 */
public record TemplateForm(@Nullable String name, @Nullable String language, @Nullable String category,
        @Nullable String parameterFormat, @Nullable String headerType, @Nullable String headerText,
        @Nullable String headerSample, @Nullable String body, @Nullable String bodySamples, @Nullable String footer,
        @Nullable String quickReplies, @Nullable String urlText, @Nullable String url, @Nullable String urlSample,
        @Nullable String phoneText, @Nullable String phoneNumber, @Nullable String copyCodeSample) {

    static TemplateForm empty() {
        return new TemplateForm("", "en_US", "MARKETING", "POSITIONAL", "NONE", "", "", "", "", "", "", "", "", "", "",
                "", "");
    }

    public String value(@Nullable String field) {
        return field == null ? "" : field;
    }

    public boolean named() {
        return "NAMED".equalsIgnoreCase(parameterFormat);
    }

    /** The components in Meta's format, with where each part landed so that violations can be mapped back. */
    record Built(ArrayNode components, Map<String, String> formFieldOf) {

        /** The form field a violation belongs to: the longest known prefix of its field wins. */
        String formField(TemplateViolation violation) {
            var best = "";
            for (var prefix : formFieldOf.keySet()) {
                if (violation.field().startsWith(prefix) && prefix.length() > best.length()) {
                    best = prefix;
                }
            }
            return best.isEmpty() ? "form" : formFieldOf.get(best);
        }
    }

    Built components(JsonMapper json) {
        var components = json.createArrayNode();
        var fields = new LinkedHashMap<String, String>();
        fields.put("name", "name");
        fields.put("language", "language");
        fields.put("category", "category");
        fields.put("parameterFormat", "parameterFormat");
        var header = value(headerType).toUpperCase(Locale.ROOT);
        if (!header.isEmpty() && !header.equals("NONE")) {
            var at = "components[" + components.size() + "]";
            var node = components.addObject().put("type", "HEADER").put("format", header);
            fields.put(at, "headerType");
            if (header.equals("TEXT")) {
                node.put("text", value(headerText));
                fields.put(at + ".text", "headerText");
                if (!value(headerSample).isBlank()) {
                    var example = node.putObject("example");
                    if (named()) {
                        var variable = value(headerText).replaceAll("(?s).*\\{\\{\\s*([a-z0-9_]+)\\s*}}.*", "$1");
                        example.putArray("header_text_named_params").addObject().put("param_name", variable)
                                .put("example", headerSample.strip());
                    } else {
                        example.putArray("header_text").add(headerSample.strip());
                    }
                }
            } else if (!value(headerSample).isBlank()) {
                node.putObject("example").putArray("header_handle").add(headerSample.strip());
            }
            fields.put(at + ".example", "headerSample");
        }
        var bodyAt = "components[" + components.size() + "]";
        var bodyNode = components.addObject().put("type", "BODY").put("text", value(body));
        fields.put("components", "body");
        fields.put(bodyAt, "body");
        fields.put(bodyAt + ".example", "bodySamples");
        var samples = lines(bodySamples);
        if (!samples.isEmpty()) {
            var example = bodyNode.putObject("example");
            if (named()) {
                var params = example.putArray("body_text_named_params");
                for (var line : samples) {
                    var split = line.split("=", 2);
                    params.addObject().put("param_name", split[0].strip()).put("example", split.length > 1 ? split[1].strip() : "");
                }
            } else {
                var row = example.putArray("body_text").addArray();
                samples.forEach(row::add);
            }
        }
        if (!value(footer).isBlank()) {
            fields.put("components[" + components.size() + "]", "footer");
            components.addObject().put("type", "FOOTER").put("text", footer.strip());
        }
        buttons(components, fields, json);
        return new Built(components, fields);
    }

    private void buttons(ArrayNode components, Map<String, String> fields, JsonMapper json) {
        var at = "components[" + components.size() + "]";
        var buttons = json.createArrayNode();
        for (var label : lines(quickReplies)) {
            fields.put(at + ".buttons[" + buttons.size() + "]", "quickReplies");
            buttons.addObject().put("type", "QUICK_REPLY").put("text", label);
        }
        if (!value(url).isBlank() || !value(urlText).isBlank()) {
            fields.put(at + ".buttons[" + buttons.size() + "]", "url");
            var button = buttons.addObject().put("type", "URL").put("text", value(urlText).strip()).put("url", value(url).strip());
            if (!value(urlSample).isBlank()) {
                button.putArray("example").add(urlSample.strip());
            }
        }
        if (!value(phoneNumber).isBlank() || !value(phoneText).isBlank()) {
            fields.put(at + ".buttons[" + buttons.size() + "]", "phone");
            buttons.addObject().put("type", "PHONE_NUMBER").put("text", value(phoneText).strip())
                    .put("phone_number", value(phoneNumber).strip());
        }
        if (!value(copyCodeSample).isBlank()) {
            fields.put(at + ".buttons[" + buttons.size() + "]", "copyCode");
            buttons.addObject().put("type", "COPY_CODE").put("example", copyCodeSample.strip());
        }
        if (!buttons.isEmpty()) {
            fields.put(at, "buttons");
            ObjectNode component = components.addObject().put("type", "BUTTONS");
            component.set("buttons", buttons);
        }
    }

    private static List<String> lines(@Nullable String text) {
        var lines = new ArrayList<String>();
        if (text != null) {
            for (var line : text.split("\\R")) {
                if (!line.isBlank()) {
                    lines.add(line.strip());
                }
            }
        }
        return lines;
    }
}
