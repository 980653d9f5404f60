package com.maxmysales.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.maxmysales.sandbox.ChatMessage.Choice;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;

/**
 * A template message as the customer's phone shows it: the approved template's header, body and footer with the
 * send's values in place of its {@code {{1}}} or {@code {{name}}} placeholders, and its buttons. A quick reply is
 * tapped as the webhook's {@code button} message, carrying the payload the send set (else the button's words, as
 * Meta does); a link, a phone number or a code to copy is shown but taps nothing in the simulator.
 */
record TemplateBubble(@Nullable String header, String body, @Nullable String footer, List<Choice> buttons) {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z0-9_]+)\\s*}}");

    /**
     * @param template the template's components as approved
     * @param send the send's {@code template} object (its components carry the values)
     */
    static TemplateBubble of(JsonNode template, JsonNode send) {
        String header = null;
        var body = "";
        String footer = null;
        var buttons = new ArrayList<Choice>();
        for (var component : template) {
            switch (component.path("type").asString("").toUpperCase(Locale.ROOT)) {
                case "HEADER" -> header = header(component, values(send, "header"));
                case "BODY" -> body = filled(component.path("text").asString(""), values(send, "body"));
                case "FOOTER" -> footer = component.path("text").asString("");
                case "BUTTONS" -> {
                    var index = 0;
                    for (var button : component.path("buttons")) {
                        buttons.add(button(button, buttonParameter(send, index++)));
                    }
                }
                default -> { }
            }
        }
        return new TemplateBubble(header, body, footer, buttons);
    }

    private static @Nullable String header(JsonNode component, JsonNode values) {
        var format = component.path("format").asString("TEXT").toUpperCase(Locale.ROOT);
        return switch (format) {
            case "TEXT" -> filled(component.path("text").asString(""), values);
            case "LOCATION" -> "📍 " + values.path(0).path("location").path("name").asString("Location");
            default -> "📎 " + format.toLowerCase(Locale.ROOT);
        };
    }

    private static Choice button(JsonNode button, JsonNode parameter) {
        var label = button.path("text").asString("");
        return switch (button.path("type").asString("").toUpperCase(Locale.ROOT)) {
            case "QUICK_REPLY" -> new Choice("button", parameter.path("payload").asString(label), label);
            case "URL" -> new Choice("url", filledOne(button.path("url").asString(""), parameter.path("text").asString("")),
                    "🔗 " + label);
            case "PHONE_NUMBER" -> new Choice("phone", button.path("phone_number").asString(""), "📞 " + label);
            default -> new Choice("other", "", label);
        };
    }

    /** The send's parameters of one component type, an empty array when it has none. */
    private static JsonNode values(JsonNode send, String type) {
        for (var component : send.path("components")) {
            if (type.equalsIgnoreCase(component.path("type").asString(""))) {
                return component.path("parameters");
            }
        }
        return MissingNode.getInstance();
    }

    private static JsonNode buttonParameter(JsonNode send, int index) {
        for (var component : send.path("components")) {
            if ("button".equalsIgnoreCase(component.path("type").asString(""))
                    && component.path("index").asString("").equals(String.valueOf(index))) {
                return component.path("parameters").path(0);
            }
        }
        return MissingNode.getInstance();
    }

    /** Positional placeholders take the parameters in order; named ones the parameter of that name. */
    private static String filled(String text, JsonNode parameters) {
        Matcher placeholders = PLACEHOLDER.matcher(text);
        return placeholders.replaceAll(match -> Matcher.quoteReplacement(valueOf(parameters, match.group(1))));
    }

    private static String filledOne(String text, String value) {
        return PLACEHOLDER.matcher(text).replaceAll(Matcher.quoteReplacement(value));
    }

    private static String valueOf(JsonNode parameters, String placeholder) {
        JsonNode parameter = null;
        if (placeholder.chars().allMatch(Character::isDigit)) {
            parameter = parameters.path(Integer.parseInt(placeholder) - 1);
        } else {
            for (var candidate : parameters) {
                if (placeholder.equals(candidate.path("parameter_name").asString(""))) {
                    parameter = candidate;
                }
            }
        }
        if (parameter == null || parameter.isMissingNode()) {
            return "{{" + placeholder + "}}";
        }
        var type = parameter.path("type").asString("text");
        return "text".equals(type) ? parameter.path("text").asString("")
                : parameter.path(type).path("fallback_value").asString("");
    }
}
