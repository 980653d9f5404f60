package com.maxmysales.inbox;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One entry of a thread as the page draws it: a message either way, a system message, or an internal note. Every
 * field is ready to print; content fields are null for a caller who sees no content (an analyst).
 *
 * @param day the day's label ("Today", "Mon 12 Jan 2031") when this entry is the first of its day, else null
 * @param side {@code in} (the customer), {@code out} (the business), {@code note} (internal) or {@code system}
 * @param label what kind of message it is, in words ("Photo", "Location", "Template order_update")
 * @param time the time of day in the workspace's time zone, {@code at} the instant as ISO-8601
 * @param media the stored file's kind (image, video, audio, document, sticker) when {@code mediaId} is known
 * @param mapLink a map at a shared location
 * @param lines what the message shows beyond its text: contact cards, a template's values, a menu's buttons
 * @param quote the text (or type) of the message this one replies to
 * @param reactions the emoji reactions to this message
 * @param tick {@code queued}, {@code sent}, {@code delivered}, {@code read} or {@code failed} for an outbound one
 * @param failure why it failed, in words
 */
public record Bubble(String id, @Nullable String day, String side, String type, String label, String time, String at,
        @Nullable String text, @Nullable UUID mediaId, @Nullable String media, @Nullable String mapLink,
        List<String> lines, @Nullable String quote, List<String> reactions, @Nullable String tick,
        @Nullable String failure, boolean revoked, boolean edited, boolean forwarded, @Nullable String author) {

    public boolean note() {
        return "note".equals(side);
    }

    /** The tick as WhatsApp draws it. */
    public String tickMark() {
        return tick == null ? "" : switch (tick) {
            case "queued" -> "🕓";
            case "sent" -> "✓";
            case "delivered", "read" -> "✓✓";
            case "failed" -> "⚠";
            default -> "";
        };
    }

    Bubble onDay(String label) {
        return new Bubble(id, label, side, type, this.label, time, at, text, mediaId, media, mapLink, lines, quote,
                reactions, tick, failure, revoked, edited, forwarded, author);
    }

    Bubble withReactions(List<String> all) {
        return new Bubble(id, day, side, type, label, time, at, text, mediaId, media, mapLink, lines, quote, all, tick,
                failure, revoked, edited, forwarded, author);
    }
}
