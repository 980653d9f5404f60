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
 */
public record InboxFilter(@Nullable InboxStatus status, @Nullable UUID assignee, boolean unassigned,
        @Nullable String label, @Nullable UUID channel, @Nullable Set<ContactId> contacts) {

    public static final InboxFilter ALL = new InboxFilter(null, null, false, null, null, null);

    public InboxFilter withContacts(Set<ContactId> found) {
        return new InboxFilter(status, assignee, unassigned, label, channel, found);
    }
}
