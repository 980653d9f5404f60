package com.maxmysales.inbox;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import com.maxmysales.contacts.ContactDirectory;
import com.maxmysales.messaging.ConversationQueries;
import com.maxmysales.messaging.Lane;
import com.maxmysales.messaging.Message;
import com.maxmysales.platform.CursorPage;
import com.maxmysales.platform.Refusal;
import com.maxmysales.shared.WorkspaceId;
import com.maxmysales.tenancy.Member;
import com.maxmysales.whatsapp.Channel;
import com.maxmysales.whatsapp.ChannelManagement;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/** The inbox list as pages show it: each conversation with its contact, preview, agent, number and window. */
@Service
public class InboxListing {

    static final int PREVIEW_LENGTH = 120;

    private final Inbox inbox;
    private final InboxRows rows;
    private final InboxAssignments assignments;
    private final ContactDirectory contacts;
    private final ConversationQueries messages;
    private final ChannelManagement channels;
    private final Clock clock;

    InboxListing(Inbox inbox, InboxRows rows, InboxAssignments assignments, ContactDirectory contacts,
            ConversationQueries messages, ChannelManagement channels, Clock clock) {
        this.inbox = inbox;
        this.rows = rows;
        this.assignments = assignments;
        this.contacts = contacts;
        this.messages = messages;
        this.channels = channels;
        this.clock = clock;
    }

    public CursorPage<InboxRow> page(Viewer viewer, InboxFilter filter, @Nullable String cursor, int limit) {
        return page(viewer, filter, cursor, limit, context(viewer.workspace()));
    }

    /** @param context the members and numbers, when the caller has read them already */
    public CursorPage<InboxRow> page(Viewer viewer, InboxFilter filter, @Nullable String cursor, int limit,
            Context context) {
        var page = inbox.list(viewer, filter, cursor, limit);
        var previews = viewer.readsContent() ? rows.lastMessages(viewer.workspace(),
                page.items().stream().map(InboxConversation::id).toList()).stream()
                .collect(Collectors.toMap(InboxRows.LastMessage::conversation, InboxRows.LastMessage::message))
                : Map.<UUID, UUID>of();
        return page.map(conversation -> row(viewer, conversation, context, previews.get(conversation.id())));
    }

    public InboxRow row(Viewer viewer, UUID id) {
        var conversation = inbox.get(viewer, id);
        var last = viewer.readsContent()
                ? rows.lastMessages(viewer.workspace(), List.of(id)).stream().findFirst().map(InboxRows.LastMessage::message)
                        .orElse(null)
                : null;
        return row(viewer, conversation, context(viewer.workspace()), last);
    }

    /** One conversation with what its actions need, for the thread page ({@code inbox/actions.jte}). */
    public InboxView view(Viewer viewer, UUID id, String returnTo) {
        return new InboxView(row(viewer, id), viewer.works() ? assignable(viewer.workspace()) : List.of(),
                viewer.memberId(), viewer.works(), returnTo);
    }

    /**
     * The members and numbers a list names, read once per page.
     *
     * @param assignable the members a conversation can be given to
     */
    public record Context(Map<UUID, String> members, Map<UUID, String> channels, List<Member> assignable) {}

    public Context context(WorkspaceId workspace) {
        var all = assignments.members(workspace);
        var members = new HashMap<UUID, String>();
        all.forEach(member -> members.put(member.id(), name(member)));
        var numbers = channels.list(workspace).stream()
                .collect(Collectors.toMap(Channel::id, Channel::displayPhoneNumber, (a, b) -> a));
        return new Context(members, numbers, all.stream().filter(InboxAssignments::works).toList());
    }

    /** The members a conversation can be given to, by name. */
    public List<Member> assignable(WorkspaceId workspace) {
        return context(workspace).assignable();
    }

    private InboxRow row(Viewer viewer, InboxConversation conversation, Context context, @Nullable UUID lastMessage) {
        String name = null;
        String phone = null;
        String preview = null;
        String sentBy = null;
        if (viewer.readsContent()) {
            var contact = contacts.get(viewer.workspace(), conversation.contactId());
            name = contact.name() != null ? contact.name() : contact.whatsAppName();
            phone = contact.phone() == null ? null : contact.phone().e164();
            if (lastMessage != null) {
                try {
                    var message = messages.message(viewer.workspace(), lastMessage);
                    preview = preview(message);
                    sentBy = sender(message);
                } catch (Refusal gone) {
                    // Purged or erased between the two reads: the row shows no preview.
                }
            }
        }
        var assignee = conversation.assigneeId() == null ? null
                : context.members().getOrDefault(conversation.assigneeId(), "a former member");
        return new InboxRow(conversation, name, phone, preview, sentBy, assignee,
                context.channels().getOrDefault(conversation.channelId(), "a removed number"),
                conversation.windowLeft(clock.instant()));
    }

    private static @Nullable String sender(Message message) {
        if ("inbound".equals(message.direction())) {
            return null;
        }
        return message.lane() == Lane.BOT ? "Bot" : message.lane() == Lane.CAMPAIGN ? "Campaign" : "Team";
    }

    private static String preview(Message message) {
        var text = message.text();
        if (text == null || text.isBlank()) {
            return "[" + message.type() + "]";
        }
        var line = text.strip().replaceAll("\\s+", " ");
        return line.length() > PREVIEW_LENGTH ? line.substring(0, PREVIEW_LENGTH) + "…" : line;
    }

    private static String name(Member member) {
        return member.displayName() != null && !member.displayName().isBlank() ? member.displayName() : member.email();
    }
}
