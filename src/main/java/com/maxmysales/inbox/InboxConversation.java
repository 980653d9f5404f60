package com.maxmysales.inbox;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.maxmysales.messaging.MessagingSettings;
import com.maxmysales.shared.ContactId;

import org.jspecify.annotations.Nullable;

/**
 * A conversation as the inbox shows it: the newest conversation of a contact on a number.
 *
 * @param unread messages from the customer since someone last read the conversation
 * @param lastInboundAt when the customer last wrote: the 24-hour customer-service window's start
 * @param state messaging's state: "open", or "ended" (idle or resolved), which started its retention clock
 * @param current the newest conversation of its contact and number, the one the inbox lists
 */
public record InboxConversation(UUID id, ContactId contactId, UUID channelId, InboxStatus status,
        @Nullable Instant snoozedUntil, @Nullable UUID assigneeId, List<String> labels, int unread,
        Instant lastMessageAt, @Nullable Instant lastInboundAt, String state, Instant openedAt,
        @Nullable Instant endedAt, boolean current) {

    /** Time left in Meta's customer-service window at {@code now}; zero when it is closed. */
    public Duration windowLeft(Instant now) {
        if (lastInboundAt == null) {
            return Duration.ZERO;
        }
        var left = Duration.between(now, lastInboundAt.plus(MessagingSettings.SERVICE_WINDOW));
        return left.isNegative() ? Duration.ZERO : left;
    }
}
