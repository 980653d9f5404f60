package com.maxmysales.inbox;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import com.maxmysales.messaging.ReadReceipts;
import com.maxmysales.platform.Cursor;
import com.maxmysales.platform.CursorPage;
import com.maxmysales.platform.Refusal;
import com.maxmysales.shared.WorkspaceId;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The team inbox: conversations as a viewer may see them, and what the team does with them. A conversation the viewer
 * may not see is, for them, one that does not exist (404), as is another workspace's.
 */
@Service
public class Inbox {

    /** Longer is forgetting, not snoozing; and a year keeps every time PostgreSQL and Java can hold. */
    static final java.time.Duration MAX_SNOOZE = java.time.Duration.ofDays(366);

    static final int MAX_LABELS = 20;
    static final int MAX_LABEL_LENGTH = 40;

    private final InboxRows rows;
    private final InboxAssignments assignments;
    private final WorkspaceInboxSettings settings;
    private final ReadReceipts receipts;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Inbox(InboxRows rows, InboxAssignments assignments, WorkspaceInboxSettings settings, ReadReceipts receipts,
            ApplicationEventPublisher events, Clock clock) {
        this.rows = rows;
        this.assignments = assignments;
        this.settings = settings;
        this.receipts = receipts;
        this.events = events;
        this.clock = clock;
    }

    /** Newest activity first. */
    public CursorPage<InboxConversation> list(Viewer viewer, InboxFilter filter, @Nullable String cursor,
            @Nullable Integer limit) {
        var size = CursorPage.limit(limit);
        return CursorPage.of(rows.page(viewer, filter, Cursor.decode(cursor), size + 1), size,
                conversation -> new Cursor(conversation.lastMessageAt(), conversation.id()).encode());
    }

    public InboxConversation get(Viewer viewer, UUID id) {
        return rows.find(viewer.workspace(), id).filter(found -> viewer.sees(found.assigneeId()))
                .orElseThrow(() -> Refusal.notFound("conversation " + id));
    }

    /** The labels the workspace has used, for filters and suggestions. */
    public List<String> labels(WorkspaceId workspace) {
        return rows.labels(workspace);
    }

    /** Applies the change; the same change twice changes nothing the second time. */
    @Transactional
    public InboxConversation change(Viewer viewer, UUID id, InboxChange change) {
        var conversation = get(viewer, id);
        if (!viewer.works()) {
            throw Refusal.forbidden("this role may not change conversations");
        }
        var workspace = viewer.workspace();
        var labels = change.labels() == null ? null : checkedLabels(change.labels());
        var assignee = change.assignee();
        if (assignee != null && assignee.isPresent() && !assignments.works(workspace, assignee.get())) {
            throw Refusal.unprocessable("invalid-assignee", "Not a member who works conversations",
                    "assigneeId must be an active member of this workspace whose role reads conversations");
        }
        var status = change.status();
        if (status == InboxStatus.SNOOZED && (change.snoozedUntil() == null || !change.snoozedUntil().isAfter(clock.instant()))) {
            throw Refusal.unprocessable("invalid-snooze", "Snooze needs a time to come",
                    "snoozing a conversation needs snoozedUntil, a time in the future");
        }
        if (status == InboxStatus.SNOOZED && change.snoozedUntil().isAfter(clock.instant().plus(MAX_SNOOZE))) {
            throw Refusal.invalid("invalid-snooze", "Snooze too long", "a conversation is snoozed for a year at most");
        }
        if (status != InboxStatus.SNOOZED && change.snoozedUntil() != null) {
            throw Refusal.invalid("invalid-snooze", "Only a snooze has a time", "snoozedUntil goes with status snoozed only");
        }
        var changed = false;
        if (status != null) {
            changed |= rows.setStatus(workspace, id, status, change.snoozedUntil(), clock.instant());
        }
        if (assignee != null) {
            changed |= rows.setAssignee(workspace, id, assignee.orElse(null));
        }
        if (labels != null) {
            changed |= rows.setLabels(workspace, id, labels);
        }
        var after = rows.find(workspace, id).orElseThrow();
        if (changed) {
            events.publishEvent(new ConversationUpdated(workspace, conversation.id()));
        }
        if (status == InboxStatus.RESOLVED && conversation.status() != InboxStatus.RESOLVED) {
            events.publishEvent(new ConversationResolved(workspace, conversation.id(), after.assigneeId()));
        }
        return after;
    }

    /**
     * Someone on the team read the conversation: its unread count is zero again and, when the workspace sends read
     * receipts, the customer's newest message is marked read at Meta (which marks the earlier ones too).
     */
    @Transactional
    public void markRead(Viewer viewer, UUID id) {
        var conversation = get(viewer, id);
        if (!viewer.works()) {
            return;
        }
        if (rows.markRead(viewer.workspace(), id, clock.instant())) {
            events.publishEvent(new ConversationUpdated(viewer.workspace(), conversation.id()));
            if (settings.of(viewer.workspace()).readReceipts()) {
                // Meta's answer does not change what the team has read: a refused receipt is not worth failing for.
                rows.lastInboundMessage(viewer.workspace(), id)
                        .ifPresent(message -> receipts.markRead(viewer.workspace(), message));
            }
        }
    }

    private static List<String> checkedLabels(List<String> asked) {
        var unique = new LinkedHashMap<String, String>();
        for (var label : asked) {
            var name = label == null ? "" : label.strip();
            if (name.isEmpty() || name.length() > MAX_LABEL_LENGTH || name.chars().anyMatch(Character::isISOControl)) {
                throw Refusal.invalid("invalid-label", "Invalid label",
                        "each label is 1 to " + MAX_LABEL_LENGTH + " characters, without control characters");
            }
            unique.putIfAbsent(name.toLowerCase(Locale.ROOT), name);
        }
        if (unique.size() > MAX_LABELS) {
            throw Refusal.invalid("invalid-label", "Too many labels", "a conversation has at most " + MAX_LABELS + " labels");
        }
        return new ArrayList<>(unique.values());
    }
}
