package com.maxmysales.analytics;

import java.text.Normalizer;
import java.util.Locale;

import com.maxmysales.knowledge.IntentDetected;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Intents per day. The event carries no id (deliberately: nothing that could point to a message), so its identity
 * is the intent and the instant it was detected, to the microsecond: a redelivery is the same, two detections of the
 * same intent in the same microsecond are counted once, which costs nothing that matters.
 */
@Component
class IntentCounting {

    private final Aggregates aggregates;
    private final SeenEvents seen;
    private final WorkspaceDays days;

    IntentCounting(Aggregates aggregates, SeenEvents seen, WorkspaceDays days) {
        this.aggregates = aggregates;
        this.seen = seen;
        this.days = days;
    }

    @ApplicationModuleListener
    void on(IntentDetected detected) {
        var workspace = detected.workspaceId();
        var intent = code(detected.intent());
        if (seen.first(workspace, "intent:" + intent + ":" + detected.at(), days.today(workspace))) {
            aggregates.intent(workspace, days.dayOf(workspace, detected.at()), intent);
        }
    }

    /** An intent's name as a code: lower-case ASCII letters, digits and underscores (the table holds no free text). */
    static String code(String intent) {
        var ascii = Normalizer.normalize(intent, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        var code = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]+", "_").replaceAll("^_+|_+$", "");
        if (code.isEmpty()) {
            return "other";
        }
        return code.length() > 64 ? code.substring(0, 64) : code;
    }
}
