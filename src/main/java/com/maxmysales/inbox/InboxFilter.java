package com.maxmysales.inbox;

import java.util.Set;
import java.util.UUID;

import com.maxmysales.shared.ContactId;

import org.jspecify.annotations.Nullable;

/**
 * Which conversations a list shows; every part is optional.
 *
 * @param assignee a member's conversations, or with {@code unassigned} none
 * @param contacts only these contacts' conversations (a search's answer); null for any
 * @param currentOnly only the newest conversation of each contact and number (the inbox); otherwise the earlier ones
 *                    too (the API's history)
 */
public record InboxFilter(@Nullable InboxStatus status, @Nullable UUID assignee, boolean unassigned,
        @Nullable String label, @Nullable UUID channel, @Nullable Set<ContactId> contacts, boolean currentOnly) {

    public InboxFilter withContacts(Set<ContactId> found) {
        return new InboxFilter(status, assignee, unassigned, label, channel, found, currentOnly);
    }
}
