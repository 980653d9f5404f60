package com.maxmysales.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

import com.maxmysales.sandbox.ChatMessage.Choice;

import tools.jackson.databind.JsonNode;

/** What a message looks like on the simulated phone: its text, and the answers a customer can tap. */
final class ChatTexts {

    private ChatTexts() {
    }

    static String text(String type, JsonNode content) {
        return switch (type) {
            case "text" -> content.path("body").asString("");
            case "template" -> templateText(content);
            case "interactive" -> interactiveText(content);
            case "reaction" -> content.path("emoji").asString("").isEmpty() ? "Removed a reaction"
                    : "Reacted " + content.path("emoji").asString("");
            case "location" -> joined("📍", content.path("name").asString(""), content.path("address").asString(""),
                    content.path("latitude").asString("") + ", " + content.path("longitude").asString(""));
            case "contacts" -> "👤 " + content.path(0).path("name").path("formatted_name").asString("contact card");
            case "button" -> content.path("text").asString("");
            case "image", "audio", "video", "document", "sticker" -> joined("📎 " + type,
                    content.path("filename").asString(""), content.path("caption").asString(""));
            default -> "[" + type + "]";
        };
    }

    static List<Choice> choices(String type, JsonNode content) {
        var choices = new ArrayList<Choice>();
        if ("interactive".equals(type)) {
            for (var button : content.path("action").path("buttons")) {
                var reply = button.path("reply");
                choices.add(new Choice("button_reply", reply.path("id").asString(""), reply.path("title").asString("")));
            }
            for (var section : content.path("action").path("sections")) {
                for (var row : section.path("rows")) {
                    choices.add(new Choice("list_reply", row.path("id").asString(""), row.path("title").asString("")));
                }
            }
        } else if ("template".equals(type)) {
            for (var component : content.path("components")) {
                if ("quick_reply".equals(component.path("sub_type").asString(""))) {
                    // The button's label lives in the template at Meta; its payload is what the platform set.
                    var payload = component.path("parameters").path(0).path("payload").asString("");
                    choices.add(new Choice("button", payload, payload));
                }
            }
        }
        return choices;
    }

    private static String templateText(JsonNode content) {
        var parameters = new StringJoiner(", ", " · ", "").setEmptyValue("");
        for (var component : content.path("components")) {
            if ("body".equalsIgnoreCase(component.path("type").asString(""))) {
                for (var parameter : component.path("parameters")) {
                    var value = parameter.path("text").asString(parameter.path(parameter.path("type").asString(""))
                            .path("fallback_value").asString(""));
                    parameters.add(value);
                }
            }
        }
        return "📄 " + content.path("name").asString("") + " (" + content.path("language").path("code").asString("")
                + ")" + parameters;
    }

    private static String interactiveText(JsonNode content) {
        var reply = content.path(content.path("type").asString(""));
        if (reply.has("title")) {
            return reply.path("title").asString("");
        }
        return joined("", content.path("header").path("text").asString(""), content.path("body").path("text").asString(""),
                content.path("footer").path("text").asString(""));
    }

    private static String joined(String prefix, String... parts) {
        var joiner = new StringJoiner("\n", prefix.isEmpty() ? "" : prefix + " ", "");
        for (var part : parts) {
            if (!part.isBlank()) {
                joiner.add(part);
            }
        }
        return joiner.toString().strip();
    }
}
