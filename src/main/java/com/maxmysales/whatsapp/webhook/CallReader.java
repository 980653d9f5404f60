package com.maxmysales.whatsapp.webhook;

import java.util.List;
import java.util.Locale;

import com.maxmysales.whatsapp.WhatsAppCall;
import com.maxmysales.whatsapp.WhatsAppError;
import com.maxmysales.whatsapp.WhatsAppSender;

import tools.jackson.databind.JsonNode;

/**
 * Reads the {@code calls} field (Meta's Calling API): {@code calls[]} (a call rang, was connected or ended) and
 * {@code statuses[]} of type {@code call} (a call the business placed rings, is accepted or rejected).
 */
final class CallReader {

    private CallReader() {
    }

    static void read(JsonNode value, List<Notification> into) {
        var phoneNumberId = Json.text(value.path("metadata"), "phone_number_id");
        // Errors of the webhook itself (beside its calls) belong to each call it carries.
        var errors = WebhookPayloadParser.errors(value.path("errors"));
        for (var call : value.path("calls")) {
            var id = Json.text(call, "id");
            if (id == null) {
                continue;
            }
            var businessInitiated = !"USER_INITIATED".equalsIgnoreCase(Json.text(call, "direction"));
            var customer = WebhookPayloadParser.sender(value, Json.text(call, businessInitiated ? "to" : "from"));
            var duration = call.path("duration");
            into.add(new Notification.Call(phoneNumberId, customer, new WhatsAppCall(id, businessInitiated,
                    status(Json.text(call, "event"), Json.text(call, "status"), businessInitiated),
                    Json.epochSeconds(call.path("timestamp")), Json.epochSeconds(call.path("start_time")),
                    Json.epochSeconds(call.path("end_time")), duration.isNumber() || duration.isString()
                            ? parseSeconds(duration.asString()) : null, with(errors, call))));
        }
        for (var status : value.path("statuses")) {
            var id = Json.text(status, "id");
            var said = Json.text(status, "status");
            if (id == null || said == null || !"call".equalsIgnoreCase(Json.text(status, "type"))) {
                continue;
            }
            // Meta reports the status of calls the business placed: the recipient is the customer.
            WhatsAppSender customer = WebhookPayloadParser.sender(value, Json.text(status, "recipient_id"));
            into.add(new Notification.Call(phoneNumberId, customer, new WhatsAppCall(id, true,
                    said.toLowerCase(Locale.ROOT), Json.epochSeconds(status.path("timestamp")), null, null, null,
                    with(errors, status))));
        }
    }

    /**
     * A connect event of a customer's call is its ringing (the business has yet to answer); of the business's call,
     * the customer answered. A terminate says how it ended (COMPLETED, FAILED), else it just ended.
     */
    private static String status(String event, String status, boolean businessInitiated) {
        if (status != null) {
            return status.toLowerCase(Locale.ROOT);
        }
        if ("connect".equalsIgnoreCase(event)) {
            return businessInitiated ? "accepted" : "ringing";
        }
        return "terminate".equalsIgnoreCase(event) ? "ended" : event == null ? "unknown" : event.toLowerCase(Locale.ROOT);
    }

    private static List<WhatsAppError> with(List<WhatsAppError> webhookErrors, JsonNode node) {
        var errors = new java.util.ArrayList<>(WebhookPayloadParser.errors(node.path("errors")));
        errors.addAll(webhookErrors);
        return errors;
    }

    private static Integer parseSeconds(String value) {
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException notSeconds) {
            return null;
        }
    }
}
