package com.maxmysales.whatsapp;

import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/** Meta's reason codes and review events of a template, in words for the owner and the templates page. */
public final class TemplateReasons {

    private static final Map<String, String> REASONS = Map.ofEntries(
            Map.entry("INVALID_FORMAT", "the format breaks Meta's rules (variables, length, samples)"),
            Map.entry("INCORRECT_CATEGORY", "the category does not match the content"),
            Map.entry("ABUSIVE_CONTENT", "Meta found the content abusive"),
            Map.entry("SCAM", "Meta judged it a scam"),
            Map.entry("PROMOTIONAL", "promotional content in a non-marketing template"),
            Map.entry("TAG_CONTENT_MISMATCH", "the content does not match its category or language"),
            Map.entry("INVALID_LANGUAGE", "the text is not in the language chosen"),
            Map.entry("LOW_QUALITY", "customers blocked or reported it too often"),
            Map.entry("PAUSED_LOW_QUALITY", "customers blocked or reported it too often"),
            Map.entry("NONE", ""));

    private static final Map<String, String> STATUSES = Map.of(
            "PENDING", "waiting for Meta's review",
            "APPROVED", "approved: it can be sent",
            "REJECTED", "rejected by Meta",
            "PAUSED", "paused by Meta for low quality: sends are refused until it is unpaused",
            "DISABLED", "disabled by Meta: it can no longer be sent",
            "FLAGGED", "flagged for low quality: Meta may pause or disable it");

    private TemplateReasons() {
    }

    /** The reason in words; the code itself when Meta sent one this list does not know; empty for none. */
    public static String reason(@Nullable String code) {
        if (code == null) {
            return "";
        }
        var words = REASONS.get(code.toUpperCase(Locale.ROOT));
        return words != null ? words : code.toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    public static String status(@Nullable String status) {
        if (status == null) {
            return "status not known yet";
        }
        return STATUSES.getOrDefault(status.toUpperCase(Locale.ROOT), status.toLowerCase(Locale.ROOT).replace('_', ' '));
    }
}
