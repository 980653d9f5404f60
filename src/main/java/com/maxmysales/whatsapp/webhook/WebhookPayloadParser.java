package com.maxmysales.whatsapp.webhook;

import java.util.ArrayList;
import java.util.List;

import com.maxmysales.whatsapp.DeliveryStatus;
import com.maxmysales.whatsapp.InboundMessage;
import com.maxmysales.whatsapp.WhatsAppError;
import com.maxmysales.whatsapp.WhatsAppSender;
import com.maxmysales.whatsapp.WhatsAppStatusReceived;

import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads Meta's webhook envelope: every entry, every change, every message and status, tolerating fields
 * Meta adds later and types it invents later (they pass through as their own JSON).
 */
@Component
class WebhookPayloadParser {

    private final JsonMapper json;

    WebhookPayloadParser(JsonMapper json) {
        this.json = json;
    }

    List<Notification> parse(byte[] body) {
        var notifications = new ArrayList<Notification>();
        for (var entry : json.readTree(body).path("entry")) {
            for (var change : entry.path("changes")) {
                var field = Json.text(change, "field");
                var value = change.path("value");
                switch (field == null ? "" : field) {
                    case "messages" -> messagesAndStatuses(value, notifications);
                    case "user_preferences" -> preferences(value, notifications);
                    case "message_template_status_update", "message_template_quality_update", "template_category_update" ->
                            notifications.add(TemplateSignalReader.read(field, entry, value));
                    case "smb_message_echoes" -> echoes(value, notifications);
                    case "calls" -> CallReader.read(value, notifications);
                    case "phone_number_quality_update" -> notifications.add(AccountSignalReader.quality(entry, value));
                    case "phone_number_name_update" -> notifications.add(AccountSignalReader.name(entry, value));
                    case "account_update" -> notifications.add(AccountSignalReader.account(entry, value));
                    case "account_review_update" -> notifications.add(AccountSignalReader.review(entry, value));
                    default -> notifications.add(new Notification.Unhandled(field));
                }
            }
        }
        return notifications;
    }

    private void messagesAndStatuses(JsonNode value, List<Notification> into) {
        var phoneNumberId = Json.text(value.path("metadata"), "phone_number_id");
        // Errors of the webhook itself (beside its messages) belong to each message it carries.
        var webhookErrors = errors(value.path("errors"));
        for (var message : value.path("messages")) {
            var sender = sender(value, Json.text(message, "from"));
            into.add(new Notification.Message(phoneNumberId, sender, InboundMessages.read(message, webhookErrors)));
            numberChange(phoneNumberId, message, sender).ifPresent(into::add);
        }
        for (var status : value.path("statuses")) {
            var deliveryStatus = DeliveryStatus.fromMeta(Json.text(status, "status"));
            if (deliveryStatus.isEmpty()) {
                continue;
            }
            into.add(new Notification.Status(phoneNumberId, Json.text(status, "id"), deliveryStatus.get(),
                    Json.epochSeconds(status.path("timestamp")), Json.text(status, "recipient_id"),
                    Json.text(status, "biz_opaque_callback_data"), errors(status.path("errors")), pricing(status)));
        }
    }

    /** After the system message that says so, the change of number it announces (the old one is its sender's). */
    private static java.util.Optional<Notification> numberChange(String phoneNumberId, JsonNode message,
            WhatsAppSender sender) {
        var system = message.path("system");
        var oldWaId = Json.text(message, "from") != null ? Json.text(message, "from") : sender.waId();
        var newWaId = Json.text(system, "wa_id");
        if (!"system".equals(Json.text(message, "type")) || !"user_changed_number".equals(Json.text(system, "type"))
                || oldWaId == null || newWaId == null) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new Notification.NumberChange(phoneNumberId, oldWaId, newWaId));
    }

    private static WhatsAppStatusReceived.Pricing pricing(JsonNode status) {
        var pricing = status.path("pricing");
        var conversation = status.path("conversation");
        if (pricing.isMissingNode() && conversation.isMissingNode()) {
            return null;
        }
        var billable = pricing.path("billable");
        return new WhatsAppStatusReceived.Pricing(Json.text(pricing, "category"), Json.text(pricing, "pricing_model"),
                billable.isBoolean() ? billable.asBoolean() : null, Json.text(conversation, "id"),
                Json.text(conversation.path("origin"), "type"));
    }

    private void preferences(JsonNode value, List<Notification> into) {
        var phoneNumberId = Json.text(value.path("metadata"), "phone_number_id");
        for (var preference : value.path("user_preferences")) {
            if (!"marketing_messages".equals(Json.text(preference, "category"))) {
                continue;
            }
            var choice = Json.text(preference, "value");
            if ("stop".equals(choice) || "resume".equals(choice)) {
                into.add(new Notification.Preference(phoneNumberId, sender(value, Json.text(preference, "wa_id")),
                        "stop".equals(choice), Json.epochSeconds(preference.path("timestamp"))));
            }
        }
    }

    /**
     * {@code smb_message_echoes}: what the business sent from the WhatsApp Business app. The customer is the one in
     * {@code contacts[]} (Meta's samples swap {@code from} and {@code to}), else the echo's {@code to}.
     */
    private void echoes(JsonNode value, List<Notification> into) {
        var phoneNumberId = Json.text(value.path("metadata"), "phone_number_id");
        for (var echo : value.path("message_echoes")) {
            var customer = value.path("contacts").isEmpty()
                    ? new WhatsAppSender(Json.text(echo, "to"), Json.text(echo, "to_user_id"),
                            Json.text(echo, "to_parent_user_id"), null, null)
                    : sender(value, Json.text(echo, "to"));
            into.add(new Notification.Echo(phoneNumberId, customer, InboundMessages.read(echo, List.of())));
        }
    }

    /** The sender's identity from {@code contacts[]}, matched on wa_id, else the only contact present. */
    static WhatsAppSender sender(JsonNode value, String from) {
        JsonNode match = null;
        for (var contact : value.path("contacts")) {
            if (from != null && from.equals(Json.text(contact, "wa_id"))) {
                match = contact;
            }
        }
        if (match == null && value.path("contacts").size() == 1) {
            match = value.path("contacts").get(0);
        }
        if (match == null) {
            return new WhatsAppSender(from, null, null, null, null);
        }
        var waId = Json.text(match, "wa_id");
        return new WhatsAppSender(waId != null ? waId : from, Json.text(match, "user_id"),
                Json.text(match, "parent_user_id"), Json.text(match.path("profile"), "username"),
                Json.text(match.path("profile"), "name"));
    }

    static List<WhatsAppError> errors(JsonNode errors) {
        var list = new ArrayList<WhatsAppError>();
        for (var error : errors) {
            list.add(new WhatsAppError(error.path("code").asInt(), Json.text(error, "title"),
                    Json.text(error.path("error_data"), "details")));
        }
        return list;
    }

    /** Kept beside the parser: how one message object becomes an {@link InboundMessage}. */
    static final class InboundMessages {

        private InboundMessages() {
        }

        static InboundMessage read(JsonNode message, List<WhatsAppError> webhookErrors) {
            var type = Json.text(message, "type");
            var content = type == null ? null : message.get(type);
            InboundMessage.Change change = null;
            if (("edit".equals(type) || "revoke".equals(type)) && content != null
                    && Json.text(content, "original_message_id") != null) {
                change = new InboundMessage.Change(Json.text(content, "original_message_id"), "revoke".equals(type));
                if ("edit".equals(type) && content.path("message").isObject()) {
                    // The edit carries the message as it is now: that is what is stored and shown.
                    var edited = content.path("message");
                    type = Json.text(edited, "type");
                    content = type == null ? null : edited.get(type);
                }
            }
            var referral = message.get("referral");
            var context = message.path("context");
            var errors = new ArrayList<>(errors(message.path("errors")));
            errors.addAll(webhookErrors);
            return new InboundMessage(Json.text(message, "id"), type == null ? "unsupported" : type,
                    Json.epochSeconds(message.path("timestamp")), readable(type, content),
                    content == null ? null : content.toString(), Json.text(context, "id"),
                    referral == null ? null : referral.toString(), errors,
                    context.path("forwarded").asBoolean(false) || context.path("frequently_forwarded").asBoolean(false),
                    context.path("frequently_forwarded").asBoolean(false), change);
        }

        private static String readable(String type, JsonNode content) {
            if (type == null || content == null) {
                return null;
            }
            return switch (type) {
                case "text" -> Json.text(content, "body");
                case "image", "video", "document", "audio", "sticker" ->
                        firstOf(Json.text(content, "caption"), Json.text(content, "filename"));
                case "location" -> firstOf(Json.text(content, "name"), Json.text(content, "address"), coordinates(content));
                case "interactive" -> interactive(content);
                case "button" -> firstOf(Json.text(content, "text"), Json.text(content, "payload"));
                case "reaction" -> Json.text(content, "emoji");
                case "order" -> firstOf(Json.text(content, "text"), content.path("product_items").size() + " item(s)");
                case "system" -> Json.text(content, "body");
                case "contacts" -> sharedContacts(content);
                default -> null;
            };
        }

        /** Only numbers or strings count: anything else (an object where a number belongs) is no location. */
        private static String coordinates(JsonNode location) {
            var latitude = Json.text(location, "latitude");
            var longitude = Json.text(location, "longitude");
            return latitude == null || longitude == null ? null : latitude + "," + longitude;
        }

        private static String interactive(JsonNode content) {
            var kind = Json.text(content, "type");
            if ("call_permission_reply".equals(kind)) {
                // The customer's answer to the business's request to call them (Calling API).
                var response = Json.text(content.path(kind), "response");
                return "Call permission " + ("accept".equals(response) ? "accepted"
                        : "reject".equals(response) ? "rejected" : response);
            }
            var reply = kind == null ? null : content.path(kind);
            return reply == null ? null : firstOf(Json.text(reply, "title"), Json.text(reply, "body"));
        }

        private static String sharedContacts(JsonNode contacts) {
            var names = new ArrayList<String>();
            contacts.forEach(contact -> names.add(Json.text(contact.path("name"), "formatted_name")));
            return String.join(", ", names.stream().filter(name -> name != null).toList());
        }

        private static String firstOf(String... candidates) {
            for (var candidate : candidates) {
                if (candidate != null && !candidate.isBlank()) {
                    return candidate;
                }
            }
            return null;
        }
    }
}
