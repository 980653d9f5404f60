package com.maxmysales.inbox;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * What to change of a conversation; a null part stays as it is.
 *
 * @param assignee {@code Optional.empty()} unassigns
 * @param snoozedUntil required with {@link InboxStatus#SNOOZED}
 * @param labels the whole set of labels
 */
public record InboxChange(@Nullable InboxStatus status, @Nullable Instant snoozedUntil,
        @Nullable Optional<UUID> assignee, @Nullable List<String> labels) {

    public static InboxChange status(InboxStatus status) {
        return new InboxChange(status, null, null, null);
    }

    public static InboxChange snooze(Instant until) {
        return new InboxChange(InboxStatus.SNOOZED, until, null, null);
    }

    public static InboxChange assign(@Nullable UUID member) {
        return new InboxChange(null, null, Optional.ofNullable(member), null);
    }

    public static InboxChange labels(List<String> labels) {
        return new InboxChange(null, null, null, labels);
    }
}
