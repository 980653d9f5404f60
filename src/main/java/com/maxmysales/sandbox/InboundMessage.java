package com.maxmysales.sandbox;

import java.util.regex.Pattern;

import com.maxmysales.sandbox.ChatMessage.Choice;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * What a simulated customer writes to a business number. The message object under {@code type} (and any
 * {@code context} or {@code referral}) goes into the webhook as given, so every inbound type Meta knows,
 * and ones it has not invented yet, can be tried against the platform.
 *
 * @param to the business phone-number id
 * @param name the customer's WhatsApp profile name; null for the configured one or the number
 */
public record InboundMessage(String to, String name, String type, JsonNode content, JsonNode context,
        JsonNode referral) {

    private static final Pattern TYPE = Pattern.compile("[a-z_]{1,40}");
    /** Every message is kept in the simulator's chats and the webhook queue: bounded, so memory is. */
    static final int MAX_MESSAGE_CHARS = 16_384;
    private static final int MAX_NAME = 256;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** Thrown for a request the sandbox cannot turn into a webhook. */
    public static class Rejected extends RuntimeException {

        public Rejected(String reason) {
            super(reason);
        }
    }

    public static InboundMessage text(String to, String name, String body) {
        return of(to, name, "text", NODES.objectNode().put("body", body), null, null);
    }

    /**
     * The customer taps a button or list row of the business's message {@code wamid}.
     *
     * @param businessNumber the business number as WhatsApp shows it, which Meta quotes in {@code context.from}
     */
    public static InboundMessage reply(String to, String businessNumber, String name, String wamid, Choice choice) {
        var context = NODES.objectNode().put("from", SandboxIds.digits(businessNumber)).put("id", wamid);
        if ("button".equals(choice.kind())) {
            return of(to, name, "button", NODES.objectNode().put("payload", choice.id()).put("text", choice.title()),
                    context, null);
        }
        var interactive = NODES.objectNode().put("type", choice.kind());
        interactive.putObject(choice.kind()).put("id", choice.id()).put("title", choice.title());
        return of(to, name, "interactive", interactive, context, null);
    }

    /** Reads {@code {"to", "name", "text"}} or {@code {"to", "name", "type", <type>: {...}, "context", "referral"}}. */
    public static InboundMessage parse(JsonNode request) {
        if (!request.isObject()) {
            throw new Rejected("the body must be a JSON object");
        }
        var to = SendRequest.string(request, "to");
        var name = SendRequest.string(request, "name");
        var type = request.has("type") ? SendRequest.string(request, "type") : "text";
        if (type == null || !TYPE.matcher(type).matches()) {
            throw new Rejected("type must be a message type such as text, image, location, interactive or button");
        }
        var content = request.get(type);
        if ("text".equals(type) && content != null && content.isString()) {
            content = NODES.objectNode().put("body", content.stringValue());
        }
        return of(to, name, type, content, request.get("context"), request.get("referral"));
    }

    private static InboundMessage of(String to, String name, String type, JsonNode content, JsonNode context,
            JsonNode referral) {
        if (to == null || to.isBlank()) {
            throw new Rejected("to must name the business phone-number id the customer writes to");
        }
        var shaped = "contacts".equals(type) ? content != null && content.isArray() : content != null && content.isObject();
        if (!shaped) {
            throw new Rejected("a " + type + " message needs a \"" + type + "\" " + ("contacts".equals(type) ? "array" : "object"));
        }
        if ("text".equals(type) && content.path("body").asString("").isBlank()) {
            throw new Rejected("text must not be empty");
        }
        if ((context != null && !context.isObject()) || (referral != null && !referral.isObject())) {
            throw new Rejected("context and referral must be JSON objects");
        }
        if (name != null && name.length() > MAX_NAME) {
            throw new Rejected("name is at most " + MAX_NAME + " characters");
        }
        if (String.valueOf(content).length() + String.valueOf(context).length() + String.valueOf(referral).length()
                > MAX_MESSAGE_CHARS) {
            throw new Rejected("a customer's message is at most " + MAX_MESSAGE_CHARS + " characters of JSON "
                    + "(WhatsApp's own text limit is 4,096)");
        }
        return new InboundMessage(to.strip(), name, type, content, context, referral);
    }
}
