package com.maxmysales.analytics;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.maxmysales.analytics.Aggregates.MessageCount;
import com.maxmysales.analytics.PendingCounts.Count;
import com.maxmysales.messaging.MessageReceived;
import com.maxmysales.messaging.MessageStatusChanged;
import com.maxmysales.platform.BeforeCommitBatch;

import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Messages per day and number: inbound, sent, delivered, read, replied, failed (by code), and Meta's pricing category.
 * A status implies the ones before it (a read message was delivered and sent, even when Meta skipped a webhook), and
 * each (message, status) is counted once however often its event comes. A message's counts go to {@link PendingCounts}
 * in one statement; a transaction's statuses all together in one statement before it commits; they reach the day
 * tables in the next batch.
 * <p>
 * The counts are written in the transaction that applies the message or its status, not by an asynchronous module
 * listener: that listener's event-publication row, its own transaction and its bookkeeping were some 18 of the 40
 * statements each sent message cost (docs/performance.md), and the pending insert is as durable in the publishing
 * transaction as the message it counts.
 */
@Component
class MessageCounting {

    private final PendingCounts pending;
    private final WorkspaceDays days;
    private final Clock clock;
    private final BeforeCommitBatch<PendingCounts.Added> statuses;

    MessageCounting(PendingCounts pending, WorkspaceDays days, Clock clock) {
        this.pending = pending;
        this.statuses = new BeforeCommitBatch<>(pending::addAll);
        this.days = days;
        this.clock = clock;
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(MessageReceived received) {
        var workspace = received.workspaceId();
        pending.addReceived(workspace, days.today(workspace), orNone(received.channelId()), received.messageId(),
                received.conversationId());
    }

    /**
     * Collected as the statuses are published and written in one statement before the transaction commits: a webhook
     * batch's hundred statuses cost one insert, not a hundred.
     */
    @EventListener
    void on(MessageStatusChanged changed) {
        var message = changed.messageId();
        var counts = new ArrayList<Count>(4);
        switch (changed.status()) {
            case SENT -> counts.add(count(MessageCount.SENT, message));
            case DELIVERED -> counts.addAll(List.of(count(MessageCount.SENT, message),
                    count(MessageCount.DELIVERED, message)));
            case READ, PLAYED -> counts.addAll(List.of(count(MessageCount.SENT, message),
                    count(MessageCount.DELIVERED, message), count(MessageCount.READ, message)));
            case FAILED -> counts.add(new Count(column(MessageCount.FAILED, message), "failed",
                    changed.errorCode() == null ? 0 : changed.errorCode(), null));
            default -> {
            }
        }
        var category = PricingCategories.normalised(changed.pricingCategory());
        if (category != null) {
            counts.add(new Count("pricing:" + message, "pricing", null, category));
        }
        // Any status but a failure says the message went out: the business now waits for the customer's answer.
        var sent = !counts.isEmpty() && counts.getFirst().kind().equals("sent") && changed.conversationId() != null
                ? new PendingCounts.ReplyClock(message, changed.conversationId(), clock.instant()) : null;
        statuses.add(new PendingCounts.Added(changed.workspaceId(), days.today(changed.workspaceId()),
                orNone(changed.channelId()), counts, sent));
    }

    private static Count count(MessageCount count, UUID message) {
        return Count.of(column(count, message), count.column());
    }

    /** The identity of a count, as the counting before batches named it: a key seen then is seen now. */
    private static String column(MessageCount count, UUID message) {
        return count.column() + ":" + message;
    }

    private static UUID orNone(@Nullable UUID channel) {
        return channel == null ? Aggregates.NONE : channel;
    }
}
