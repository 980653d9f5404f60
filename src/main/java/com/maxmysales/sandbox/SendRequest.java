package com.maxmysales.sandbox;

import java.util.Set;
import java.util.TreeSet;

import tools.jackson.databind.JsonNode;

/**
 * A {@code POST /{phone-number-id}/messages} body, checked the way the Cloud API checks it: parameters of
 * the call itself are refused with 100, a missing part of the message with 131008.
 *
 * @param input what the caller named the recipient by ({@code to}, or a BSUID in {@code recipient})
 * @param waId the recipient's WhatsApp id: the digits of the number
 * @param byUserId whether the caller used a BSUID, which Meta answers with {@code user_id} instead of {@code wa_id}
 * @param content the object named after the type, e.g. {@code text} for a text message
 */
record SendRequest(String input, String waId, boolean byUserId, String type, JsonNode content, String callbackData) {

    static final int MAX_TEXT = 4096;
    private static final Set<String> MEDIA = Set.of("image", "audio", "video", "document", "sticker");
    private static final Set<String> TYPES = new TreeSet<>(Set.of("text", "template", "interactive", "reaction",
            "location", "contacts", "image", "audio", "video", "document", "sticker"));

    static SendRequest parse(JsonNode request) {
        requireWhatsapp(request);
        var type = request.has("type") ? string(request, "type") : "text";
        if (type == null || !TYPES.contains(type)) {
            throw GraphError.invalid("Param type must be one of " + TYPES + " - got \"" + request.path("type") + "\".");
        }
        var content = request.get(type);
        var shaped = "contacts".equals(type) ? content != null && content.isArray() : content != null && content.isObject();
        if (!shaped) {
            throw GraphError.missing(type);
        }
        checkContent(type, content);
        var to = string(request, "to");
        var recipient = string(request, "recipient");
        var callbackData = string(request, "biz_opaque_callback_data");
        if (to != null) {
            return new SendRequest(to, number(to, "to"), false, type, content, callbackData);
        }
        if (recipient != null) {
            // BSUIDs look like "IN.919811122233"; the sandbox mints them from the number, so it can go back.
            var digits = recipient.substring(recipient.indexOf('.') + 1);
            return new SendRequest(recipient, number(digits, "recipient"), true, type, content, callbackData);
        }
        throw GraphError.invalid("The parameter to is required.");
    }

    static void requireWhatsapp(JsonNode request) {
        var product = string(request, "messaging_product");
        if (product == null) {
            throw GraphError.invalid("The parameter messaging_product is required.");
        }
        if (!"whatsapp".equals(product)) {
            throw GraphError.invalid("Param messaging_product must be one of {WHATSAPP} - got \"" + product + "\".");
        }
    }

    boolean isTemplate() {
        return "template".equals(type);
    }

    /** The uploaded media a media message refers to by id, or null when it has a link or is not media. */
    String mediaId() {
        return MEDIA.contains(type) ? string(content, "id") : null;
    }

    private static void checkContent(String type, JsonNode content) {
        switch (type) {
            case "text" -> {
                var body = string(content, "body");
                if (body == null || body.isEmpty()) {
                    throw GraphError.missing("text['body']");
                }
                if (body.codePointCount(0, body.length()) > MAX_TEXT) {
                    throw GraphError.invalid("Param text['body'] must be at most " + MAX_TEXT + " characters long.");
                }
            }
            case "template" -> {
                require(content, "name", "template['name']");
                if (string(content.path("language"), "code") == null) {
                    throw GraphError.missing("template['language']['code']");
                }
            }
            case "interactive" -> checkInteractive(content);
            case "reaction" -> require(content, "message_id", "reaction['message_id']");
            case "location" -> {
                if (!content.path("latitude").isNumber() || !content.path("longitude").isNumber()) {
                    throw GraphError.missing("location['latitude'] and location['longitude']");
                }
            }
            case "contacts" -> {
                if (!content.isArray() || content.isEmpty()) {
                    throw GraphError.missing("contacts[0]");
                }
            }
            default -> checkMedia(type, content);
        }
    }

    private static void checkInteractive(JsonNode content) {
        require(content, "type", "interactive['type']");
        var action = content.path("action");
        if (!action.isObject()) {
            throw GraphError.missing("interactive['action']");
        }
        if (action.path("buttons").size() > 3) {
            throw GraphError.invalid("Param interactive['action']['buttons'] must contain at most 3 elements.");
        }
        var rows = 0;
        for (var section : action.path("sections")) {
            rows += section.path("rows").size();
        }
        if (rows > 10) {
            throw GraphError.invalid("Param interactive['action']['sections'] must contain at most 10 rows in total.");
        }
    }

    private static void checkMedia(String type, JsonNode content) {
        var id = string(content, "id");
        var link = string(content, "link");
        if ((id == null) == (link == null)) {
            throw GraphError.invalid("Param " + type + " must contain either 'id' or 'link', not both or neither.");
        }
        if (link != null && !link.startsWith("https://") && !link.startsWith("http://")) {
            throw GraphError.invalid("Param " + type + "['link'] must be an http or https URL.");
        }
    }

    private static String number(String given, String parameter) {
        var digits = SandboxIds.digits(given);
        if (digits.length() < 7 || digits.length() > 15) {
            throw GraphError.invalid("Param " + parameter + " is not a valid WhatsApp phone number or user id: " + given);
        }
        return digits;
    }

    private static void require(JsonNode node, String field, String parameter) {
        if (string(node, field) == null) {
            throw GraphError.missing(parameter);
        }
    }

    static String string(JsonNode node, String field) {
        var value = node.get(field);
        return value != null && value.isString() ? value.stringValue() : null;
    }
}
