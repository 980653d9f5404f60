package com.maxmysales.inbox;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * A line of the inbox list as a page shows it. Name, phone and preview are null for a viewer without content.
 *
 * @param preview the newest message's text, or its type in brackets ("[image]")
 * @param sentBy who sent the newest message when it is the business's: "Bot", "Campaign" or "Team" (the
 *               messages do not record which member wrote them); null for the customer's or no message
 * @param windowLeft time left in the customer-service window; zero when closed
 */
public record InboxRow(InboxConversation conversation, @Nullable String name, @Nullable String phone,
        @Nullable String preview, @Nullable String sentBy, @Nullable String assigneeName, String channelName,
        Duration windowLeft) {

    /** The window badge: "23h", "45m", or null when it is closed. */
    public @Nullable String windowBadge() {
        if (windowLeft.isZero()) {
            return null;
        }
        return windowLeft.toHours() >= 1 ? windowLeft.toHours() + "h" : Math.max(1, windowLeft.toMinutes()) + "m";
    }

    public String title() {
        if (name != null && !name.isBlank()) {
            return name;
        }
        return phone != null ? phone : "Conversation";
    }
}
