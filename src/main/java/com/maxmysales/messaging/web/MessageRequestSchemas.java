package com.maxmysales.messaging.web;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/**
 * The shapes {@code POST /api/v1/messages} takes, for the API document: {@link MessageRequests} reads the body
 * itself, since the type's object is Meta's and open-ended (interactive messages alone have four kinds). Each
 * record is one kind; the fields after the message are the same for all.
 */
final class MessageRequestSchemas {

    private MessageRequestSchemas() {
    }

    static final String TEXT_EXAMPLE = """
            {"to": "+919812345678", "type": "text", "text": "Your order 4711 has shipped"}""";
    static final String TEMPLATE_EXAMPLE = """
            {"to": "+919812345678", "type": "template", "purpose": "utility",
             "template": {"name": "order_update", "language": "en",
                          "components": [{"type": "body", "parameters": [{"type": "text", "text": "4711"}]}]}}""";
    static final String IMAGE_EXAMPLE = """
            {"to": "+919812345678", "type": "image", "image": {"link": "https://example.com/catalogue.jpg", "caption": "New arrivals"}}""";

    @Schema(name = "TextMessageRequest", description = "A free-form text: only within 24 hours of the customer's last message")
    record TextMessage(
            @Schema(requiredMode = REQUIRED, example = "+919812345678", description = "the recipient in international format") String to,
            @Schema(requiredMode = REQUIRED, allowableValues = "text") String type,
            @Schema(requiredMode = REQUIRED, example = "Your order 4711 has shipped",
                    description = "the text (or Meta's object {\"body\", \"preview_url\"})") String text,
            @Schema(description = "show a preview of the first link") Boolean previewUrl,
            @Schema(description = "the number to send from; default the workspace's first") String channelId,
            @Schema(allowableValues = {"marketing", "utility", "service", "authentication", "lead_follow_up"}) String purpose,
            @Schema(allowableValues = {"conversation", "bot", "follow_up", "campaign"}) String lane,
            @Schema(description = "the wamid of the customer's message this answers") String replyTo) {
    }

    @Schema(name = "TemplateMessageRequest", description = "An approved template: may start a conversation")
    record TemplateMessage(
            @Schema(requiredMode = REQUIRED, example = "+919812345678") String to,
            @Schema(requiredMode = REQUIRED, allowableValues = "template") String type,
            @Schema(requiredMode = REQUIRED) Template template,
            String channelId,
            @Schema(allowableValues = {"marketing", "utility", "service", "authentication", "lead_follow_up"},
                    description = "default marketing") String purpose,
            @Schema(allowableValues = {"conversation", "bot", "follow_up", "campaign"}) String lane,
            String replyTo) {
    }

    record Template(
            @Schema(requiredMode = REQUIRED, example = "order_update") String name,
            @Schema(requiredMode = REQUIRED, example = "en", description = "the language code, or {\"code\": \"en\"}") String language,
            @Schema(description = "Meta's components: header, body and button parameters") List<Map<String, Object>> components) {
    }

    @Schema(name = "MediaMessageRequest", description = "An image, video, document, audio or sticker, by link or by the id "
            + "of a file uploaded with POST /api/v1/media; the object is named by the type")
    record MediaMessage(
            @Schema(requiredMode = REQUIRED, example = "+919812345678") String to,
            @Schema(requiredMode = REQUIRED, allowableValues = {"image", "video", "document", "audio", "sticker"}) String type,
            Media image, Media video, Media document, Media audio, Media sticker,
            String channelId, String purpose, String lane, String replyTo) {
    }

    record Media(
            @Schema(description = "an uploaded file's id (or a link)") String id,
            @Schema(example = "https://example.com/catalogue.jpg") String link,
            String caption,
            @Schema(description = "documents only") String filename) {
    }

    @Schema(name = "InteractiveMessageRequest", description = "Buttons, a list or a call-to-action URL, as Meta's "
            + "interactive object")
    record InteractiveMessage(
            @Schema(requiredMode = REQUIRED, example = "+919812345678") String to,
            @Schema(requiredMode = REQUIRED, allowableValues = "interactive") String type,
            @Schema(requiredMode = REQUIRED, description = "Meta's interactive object: type button, list or cta_url") Map<String, Object> interactive,
            String channelId, String purpose, String lane, String replyTo) {
    }

    @Schema(name = "ReactionMessageRequest", description = "An emoji on one of the customer's messages")
    record ReactionMessage(
            @Schema(requiredMode = REQUIRED, example = "+919812345678") String to,
            @Schema(requiredMode = REQUIRED, allowableValues = "reaction") String type,
            @Schema(requiredMode = REQUIRED) Reaction reaction,
            String channelId) {
    }

    record Reaction(
            @Schema(requiredMode = REQUIRED, description = "the wamid reacted to") String message_id,
            @Schema(requiredMode = REQUIRED, example = "👍") String emoji) {
    }
}
