package com.maxmysales.whatsapp.webhook;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.maxmysales.whatsapp.NumberSignals;

import tools.jackson.databind.JsonNode;

/**
 * Reads the account-level fields (entry id = the WABA): {@code phone_number_quality_update},
 * {@code phone_number_name_update}, {@code account_update} and {@code account_review_update}.
 */
final class AccountSignalReader {

    private AccountSignalReader() {
    }

    static Notification quality(JsonNode entry, JsonNode value) {
        // v24+ names the tier max_daily_conversations_per_business; before, current_limit.
        var tier = Json.text(value, "max_daily_conversations_per_business");
        return new Notification.Signal(new NumberSignals.QualityUpdate(waba(entry),
                Json.text(value, "display_phone_number"), Json.text(value, "event"),
                tier != null ? tier : Json.text(value, "current_limit"), time(entry)));
    }

    static Notification name(JsonNode entry, JsonNode value) {
        return new Notification.Signal(new NumberSignals.NameUpdate(waba(entry),
                Json.text(value, "display_phone_number"), Json.text(value, "decision"),
                Json.text(value, "requested_verified_name"), Json.text(value, "rejection_reason"), time(entry)));
    }

    static Notification account(JsonNode entry, JsonNode value) {
        var restrictions = new ArrayList<NumberSignals.Restriction>();
        for (var restriction : value.path("restriction_info")) {
            var type = Json.text(restriction, "restriction_type");
            if (type != null) {
                restrictions.add(new NumberSignals.Restriction(type, Json.epochSeconds(restriction.path("expiration"))));
            }
        }
        var event = Json.text(value, "event");
        // A partner event (PARTNER_ADDED, AD_ACCOUNT_LINKED...) comes in the partner's business entry and names the
        // account it is about in waba_info.
        var named = Json.text(value.path("waba_info"), "waba_id");
        return new Notification.Signal(new NumberSignals.AccountUpdate(named != null ? named : waba(entry),
                Json.text(value, "phone_number"),
                event == null ? "UNKNOWN" : event, Json.text(value.path("ban_info"), "waba_ban_state"),
                List.copyOf(restrictions), detail(value), time(entry)));
    }

    /** {@code account_review_update}: Meta's review of the account, kept as its account event. */
    static Notification review(JsonNode entry, JsonNode value) {
        return new Notification.Signal(new NumberSignals.AccountUpdate(waba(entry), null, "ACCOUNT_REVIEW",
                null, List.of(), Json.text(value, "decision"), time(entry)));
    }

    /** What else Meta said, readable: the ban's date, the violation, the verification status... */
    private static String detail(JsonNode value) {
        var parts = new ArrayList<String>();
        add(parts, "ban date", Json.text(value.path("ban_info"), "waba_ban_date"));
        add(parts, "violation", Json.text(value.path("violation_info"), "violation_type"));
        for (var field : List.of("decision", "reason", "status")) {
            add(parts, field, Json.text(value, field));
        }
        return parts.isEmpty() ? null : String.join(", ", parts);
    }

    private static void add(List<String> parts, String name, String value) {
        if (value != null && !value.isBlank()) {
            parts.add(name + " " + value);
        }
    }

    private static String waba(JsonNode entry) {
        var id = Json.text(entry, "id");
        return id == null ? "" : id;
    }

    private static Instant time(JsonNode entry) {
        return Json.epochSeconds(entry.path("time"));
    }
}
