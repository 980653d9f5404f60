package com.maxmysales.messaging;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.maxmysales.platform.ApiProblem;

import org.springframework.http.HttpStatus;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks what a caller wants to send against Meta's rules and shapes it as the Graph API's object for
 * that type, so a message Meta would refuse is refused here, at once, with a problem naming the field.
 *
 * @param payload the type's object as Meta expects it under the key named by {@code type}
 * @param text what a person reads of it in the inbox
 * @param freeForm whether it needs the 24-hour customer-service window (everything but templates)
 */
record OutboundContent(String type, JsonNode payload, String text, boolean freeForm) {

    static final int MAX_TEXT = 4096;
    private static final Set<String> MEDIA = Set.of("image", "video", "document", "audio", "sticker");
    private static final Pattern TEMPLATE_NAME = Pattern.compile("[a-z0-9_]{1,512}");

    static OutboundContent of(String type, JsonNode request, JsonMapper json) {
        if (type == null) {
            throw invalid("type is required");
        }
        var content = request.get(type);
        return switch (type) {
            case "text" -> text(content, request, json);
            case "template" -> template(content, json);
            case "interactive" -> interactive(content);
            case "reaction" -> reaction(content);
            default -> {
                if (!MEDIA.contains(type)) {
                    throw invalid("type must be text, template, image, video, document, audio, sticker, interactive or reaction");
                }
                yield media(type, content);
            }
        };
    }

    private static OutboundContent text(JsonNode content, JsonNode request, JsonMapper json) {
        // Accepted as "text": "..." (our API) or Meta's own {"body": "...", "preview_url": true}.
        var body = content == null ? null : content.isString() ? content.asString() : string(content, "body");
        if (body == null || body.isBlank()) {
            throw invalid("text must not be empty");
        }
        if (body.length() > MAX_TEXT) {
            throw invalid("text is limited to " + MAX_TEXT + " characters");
        }
        var preview = content.isObject() ? content.path("preview_url").asBoolean(false)
                : request.path("previewUrl").asBoolean(false);
        var payload = json.createObjectNode().put("body", body).put("preview_url", preview);
        return new OutboundContent("text", payload, body, true);
    }

    private static OutboundContent template(JsonNode content, JsonMapper json) {
        if (content == null || !content.isObject()) {
            throw invalid("template must be an object with name, language and components");
        }
        var name = string(content, "name");
        if (name == null || !TEMPLATE_NAME.matcher(name).matches()) {
            throw invalid("template.name must be the template's name: lower-case letters, digits and underscores");
        }
        var language = content.get("language");
        var code = language == null ? null : language.isString() ? language.asString() : string(language, "code");
        if (code == null || code.isBlank()) {
            throw invalid("template.language must be a language code such as en_US");
        }
        var components = content.get("components");
        if (components != null && !components.isArray()) {
            throw invalid("template.components must be an array");
        }
        ObjectNode payload = json.createObjectNode().put("name", name);
        payload.putObject("language").put("code", code);
        if (components != null) {
            payload.set("components", components);
        }
        return new OutboundContent("template", payload, "[template " + name + "]", false);
    }

    private static OutboundContent media(String type, JsonNode content) {
        if (content == null || !content.isObject()) {
            throw invalid(type + " must be an object with a link or an id");
        }
        var link = string(content, "link");
        var id = string(content, "id");
        if ((link == null) == (id == null)) {
            throw invalid(type + " needs exactly one of link or id");
        }
        if (link != null && !link.startsWith("https://")) {
            throw invalid(type + ".link must be a public https URL");
        }
        var caption = string(content, "caption");
        if (caption != null && (type.equals("audio") || type.equals("sticker"))) {
            throw invalid(type + " takes no caption");
        }
        return new OutboundContent(type, content, caption != null ? caption : string(content, "filename"), true);
    }

    private static OutboundContent interactive(JsonNode content) {
        if (content == null || !content.isObject() || string(content, "type") == null) {
            throw invalid("interactive must be an object with a type (button, list, cta_url)");
        }
        var body = string(content.path("body"), "text");
        if (body == null || body.isBlank()) {
            throw invalid("interactive.body.text is required");
        }
        if ("button".equals(string(content, "type")) && content.path("action").path("buttons").size() > 3) {
            throw invalid("interactive buttons are limited to 3");
        }
        return new OutboundContent("interactive", content, body, true);
    }

    private static OutboundContent reaction(JsonNode content) {
        if (content == null || string(content, "message_id") == null || !content.has("emoji")) {
            throw invalid("reaction needs message_id and emoji");
        }
        return new OutboundContent("reaction", content, string(content, "emoji"), true);
    }

    Map<String, Object> graphBody(String to, String callbackData, String replyToWamid) {
        var body = new LinkedHashMap<String, Object>();
        body.put("messaging_product", "whatsapp");
        body.put("recipient_type", "individual");
        body.put("to", to);
        body.put("type", type);
        body.put(type, payload);
        body.put("biz_opaque_callback_data", callbackData);
        if (replyToWamid != null) {
            body.put("context", Map.of("message_id", replyToWamid));
        }
        return body;
    }

    private static String string(JsonNode node, String field) {
        var value = node == null ? null : node.get(field);
        return value == null || !value.isValueNode() || value.isNull() ? null : value.asString();
    }

    private static ApiProblem invalid(String detail) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, "invalid-message", "Invalid message", detail);
    }
}
