package com.maxmysales.messaging;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.context.event.ApplicationEventMulticaster;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalApplicationListener;

/**
 * Every {@link MessageStatusChanged} a committing transaction publishes while a test listens: what the business's
 * webhooks and the other modules hear, read from the event itself. Stop it when the test ends.
 */
final class PublishedStatusChanges implements AutoCloseable {

    private final List<MessageStatusChanged> changes = new CopyOnWriteArrayList<>();
    private final TransactionalApplicationListener<?> listener = TransactionalApplicationListener.forPayload(
            TransactionPhase.BEFORE_COMMIT, (Object event) -> {
                if (event instanceof MessageStatusChanged changed) {
                    changes.add(changed);
                }
            });
    private final ApplicationEventMulticaster multicaster;

    PublishedStatusChanges(ApplicationEventMulticaster multicaster) {
        this.multicaster = multicaster;
        multicaster.addApplicationListener(listener);
    }

    /** The changes published for this message so far, in order. */
    List<MessageStatusChanged> of(String messageId) {
        return changes.stream().filter(changed -> changed.messageId().toString().equals(messageId)).toList();
    }

    @Override
    public void close() {
        multicaster.removeApplicationListener(listener);
    }
}
