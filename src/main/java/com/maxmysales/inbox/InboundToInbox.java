package com.maxmysales.inbox;

import com.maxmysales.messaging.MessageReceived;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A customer's message, in the transaction that stores it: one more unread, a pending or snoozed conversation open
 * again, and an unassigned one given to the next agent online on its number when the workspace assigns automatically
 * and no {@link ConversationHold} (the chatbot) answers it. A plain listener, in the publishing
 * transaction when the event is published: the {@link ConversationUpdated} an assignment publishes then reaches the
 * live events (a listener running before commit could publish nothing that other before-commit listeners hear).
 */
@Component
class InboundToInbox {

    private final InboxRows rows;
    private final InboxAssignments assignments;
    private final WorkspaceInboxSettings settings;
    private final java.util.List<ConversationHold> holds;

    InboundToInbox(InboxRows rows, InboxAssignments assignments, WorkspaceInboxSettings settings,
            java.util.List<ConversationHold> holds) {
        this.rows = rows;
        this.assignments = assignments;
        this.settings = settings;
        this.holds = holds;
    }

    @EventListener
    void on(MessageReceived received) {
        if (rows.customerWrote(received.workspaceId(), received.conversationId())
                && settings.of(received.workspaceId()).autoAssign()
                && holds.stream().noneMatch(hold -> hold.holds(received.workspaceId(), received.conversationId()))) {
            assignments.assignInTurn(received.workspaceId(), received.conversationId(), null, false);
        }
    }
}
