package com.maxmysales.inbox;

import com.maxmysales.messaging.MessageReceived;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * A customer's message, in the transaction that stores it: one more unread, a pending or snoozed conversation open
 * again, and an unassigned one given to the next agent online on its number.
 */
@Component
class InboundToInbox {

    private final InboxRows rows;
    private final InboxAssignments assignments;

    InboundToInbox(InboxRows rows, InboxAssignments assignments) {
        this.rows = rows;
        this.assignments = assignments;
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void on(MessageReceived received) {
        if (rows.customerWrote(received.workspaceId(), received.conversationId())) {
            assignments.assignInTurn(received.workspaceId(), received.conversationId(), null, false);
        }
    }
}
