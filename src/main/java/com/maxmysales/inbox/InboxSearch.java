package com.maxmysales.inbox;

import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

import com.maxmysales.contacts.ContactDirectory;
import com.maxmysales.contacts.PhoneNumbers;
import com.maxmysales.messaging.ConversationQueries;
import com.maxmysales.platform.Refusal;
import com.maxmysales.shared.ContactId;

import org.springframework.stereotype.Service;

/**
 * Finds the contacts a search in the inbox means. Names and messages are encrypted at rest, so no index can hold
 * them: a phone number in any notation is found exactly (contacts' keyed index, as the workspace's region reads it);
 * a name among the contacts of the most recent conversations, and words among the newest messages the viewer may
 * read, both bounded by {@link InboxSettings} so that a search costs the same in a workspace of any size.
 */
@Service
public class InboxSearch {

    private static final int SHORTEST_PHONE_DIGITS = 6;

    private final InboxRows rows;
    private final ContactDirectory contacts;
    private final PhoneNumbers phones;
    private final ConversationQueries messages;
    private final InboxSettings settings;
    private final Clock clock;

    InboxSearch(InboxRows rows, ContactDirectory contacts, PhoneNumbers phones, ConversationQueries messages,
            InboxSettings settings, Clock clock) {
        this.rows = rows;
        this.contacts = contacts;
        this.phones = phones;
        this.messages = messages;
        this.settings = settings;
        this.clock = clock;
    }

    /** The contacts whose phone, name or recent messages match; a viewer without content may not search. */
    public Set<ContactId> contacts(Viewer viewer, String query) {
        if (!viewer.readsContent()) {
            throw Refusal.forbidden("this role sees no names, phones or messages to search");
        }
        var workspace = viewer.workspace();
        var wanted = query.strip().toLowerCase(Locale.ROOT);
        var found = new LinkedHashSet<ContactId>();
        if (wanted.isEmpty()) {
            return found;
        }
        if (wanted.chars().filter(Character::isDigit).count() >= SHORTEST_PHONE_DIGITS) {
            phones.normalize(workspace, query).flatMap(phone -> contacts.findByPhone(workspace, phone)).ifPresent(found::add);
        }
        for (var conversation : rows.recent(viewer, settings.searchConversations())) {
            if (!found.contains(conversation.contactId())) {
                var name = contacts.get(workspace, conversation.contactId()).name();
                if (name != null && name.toLowerCase(Locale.ROOT).contains(wanted)) {
                    found.add(conversation.contactId());
                }
            }
        }
        var since = clock.instant().minus(settings.searchMessagesAge());
        for (var message : rows.recentMessages(viewer, since, settings.searchMessages())) {
            if (!found.contains(message.contact())) {
                var text = messages.message(workspace, message.id()).text();
                if (text != null && text.toLowerCase(Locale.ROOT).contains(wanted)) {
                    found.add(message.contact());
                }
            }
        }
        return found;
    }
}
