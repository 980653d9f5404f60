package com.maxmysales.analytics;

import java.time.Clock;
import java.util.UUID;

import com.maxmysales.messaging.MessagePriced;
import com.maxmysales.messaging.MessageReceived;
import com.maxmysales.messaging.MessageStatus;
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
 * each step of each message is counted once: messaging publishes a status only when it moves the message, with the
 * status it moved from, so the steps between the two are the ones newly reached. A transaction's statuses are written
 * together just before it commits ({@link StatusTallies}); a customer's message goes to {@link PendingCounts}.
 * <p>
 * The counts are written in the transaction that applies the message or its status, not by an asynchronous module
 * listener: that listener's event-publication row, its own transaction and its bookkeeping were some 18 of the 40
 * statements each sent message cost (docs/performance.md), and the counts commit or roll back with the status.
 */
@Component
class MessageCounting {

    private final PendingCounts pending;
    private final WorkspaceDays days;
    private final Clock clock;
    private final BeforeCommitBatch<StatusTallies.Tally> tallies;

    MessageCounting(PendingCounts pending, StatusTallies statusTallies, WorkspaceDays days, Clock clock) {
        this.pending = pending;
        this.tallies = new BeforeCommitBatch<>(statusTallies::write);
        this.days = days;
        this.clock = clock;
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(MessageReceived received) {
        var workspace = received.workspaceId();
        pending.addReceived(workspace, days.today(workspace), orNone(received.channelId()), received.messageId(),
                received.conversationId());
    }

    @EventListener
    void on(MessageStatusChanged changed) {
        var workspace = changed.workspaceId();
        var day = days.today(workspace);
        var channel = orNone(changed.channelId());
        if (changed.status() == MessageStatus.FAILED) {
            tallies.add(new StatusTallies.Failure(workspace, day, channel, changed.messageId(), changed.errorCode()));
            return;
        }
        var from = step(changed.previous());
        var to = step(changed.status());
        if (to <= from) {
            return;
        }
        tallies.add(new StatusTallies.Steps(workspace, day, channel, reached(1, from, to), reached(2, from, to),
                reached(3, from, to)));
        if (from == 0 && changed.conversationId() != null) {
            // It went out: the business now waits for the customer's answer.
            tallies.add(new StatusTallies.ReplyClock(workspace, changed.conversationId(), clock.instant()));
        }
    }

    @EventListener
    void on(MessagePriced priced) {
        var category = PricingCategories.normalised(priced.category());
        if (category != null) {
            tallies.add(new StatusTallies.Price(priced.workspaceId(), days.today(priced.workspaceId()),
                    priced.channelId(), category));
        }
    }

    /** The funnel's steps: 1 sent, 2 delivered, 3 read (or played); 0 before it went out, or failed. */
    private static int step(MessageStatus status) {
        return switch (status) {
            case SENT -> 1;
            case DELIVERED -> 2;
            case READ, PLAYED -> 3;
            default -> 0;
        };
    }

    private static int reached(int step, int from, int to) {
        return from < step && step <= to ? 1 : 0;
    }

    private static UUID orNone(@Nullable UUID channel) {
        return channel == null ? Aggregates.NONE : channel;
    }
}
