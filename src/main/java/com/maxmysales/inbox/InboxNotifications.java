package com.maxmysales.inbox;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import com.maxmysales.messaging.MessageReceived;
import com.maxmysales.messaging.MessageStatusChanged;

import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.context.event.EventListener;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Live events across nodes: a transaction's events are one NOTIFY on {@value #CHANNEL} (or a few, each up to 8,000
 * bytes), sent in it, which PostgreSQL delivers only once that transaction commits (and never if it rolls back); every
 * node LISTENs on one connection of its own and hands what arrives to its {@link InboxHub}. The event's own node hears it too, so one
 * path serves one node and many.
 */
@Component
class InboxNotifications implements SmartLifecycle {

    static final String CHANNEL = "inbox_events";

    private static final Logger log = LoggerFactory.getLogger(InboxNotifications.class);
    private static final int POLL_MILLIS = 250;
    /** Below PostgreSQL's 8,000 bytes per payload. */
    private static final int MAX_PAYLOAD = 7_800;
    /** Between the events of one payload; never in an encoded event. */
    private static final String SEPARATOR = "\n";
    private static final long RECONNECT_PAUSE_MILLIS = 1000;

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final InboxHub hub;
    private final TransactionTemplate afterCommit;
    private volatile boolean running;
    private Thread listener;

    InboxNotifications(JdbcClient jdbc, DataSource dataSource, InboxHub hub, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.afterCommit = new TransactionTemplate(transactions);
        this.afterCommit.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.dataSource = dataSource;
        this.hub = hub;
    }

    @EventListener
    void on(MessageReceived received) {
        queue(new InboxEvent(InboxEvent.MESSAGE_RECEIVED, received.workspaceId(), received.conversationId(),
                received.messageId()));
    }

    @EventListener
    void on(MessageStatusChanged changed) {
        queue(new InboxEvent(InboxEvent.MESSAGE_STATUS, changed.workspaceId(), null, changed.messageId()));
    }

    @EventListener
    void on(ConversationUpdated updated) {
        queue(new InboxEvent(InboxEvent.CONVERSATION_UPDATED, updated.workspaceId(), updated.conversationId(), null));
    }

    @EventListener
    void on(NoteAdded added) {
        queue(new InboxEvent(InboxEvent.NOTE_ADDED, added.workspaceId(), added.conversationId(), added.noteId()));
    }

    /**
     * Collects the transaction's events and sends them in one statement just before it commits: a batch of webhook
     * events applies hundreds of statuses, and a NOTIFY each was a statement each. Outside a transaction at once.
     */
    private void queue(InboxEvent event) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            send(List.of(event));
            return;
        }
        // Per transaction, not per thread: a transaction started inside another (REQUIRES_NEW) has events of its own.
        var transaction = TransactionSynchronizationManager.getResource(dataSource);
        var key = new PendingOf(transaction == null ? this : transaction);
        var pending = (Pending) TransactionSynchronizationManager.getResource(key);
        if (pending == null) {
            pending = new Pending(key);
            TransactionSynchronizationManager.bindResource(key, pending);
            TransactionSynchronizationManager.registerSynchronization(pending);
        }
        pending.add(event);
    }

    /** Where a transaction's pending events are kept: its connection (which an inner transaction has its own of). */
    private record PendingOf(Object transaction) {}

    /**
     * One transaction's events. Sent in it, before it commits, so PostgreSQL delivers them only if it does; those
     * that come after that (published by another listener as the transaction commits) right after the commit.
     */
    private final class Pending implements TransactionSynchronization {
        private final Set<InboxEvent> events = new LinkedHashSet<>();
        private final PendingOf key;

        Pending(PendingOf key) {
            this.key = key;
        }

        void add(InboxEvent event) {
            events.add(event);
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            send();
        }

        @Override
        public void afterCommit() {
            if (!events.isEmpty()) {
                afterCommit.executeWithoutResult(status -> send());
            }
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(key);
        }

        private void send() {
            if (!events.isEmpty()) {
                var sending = List.copyOf(events);
                events.clear();
                InboxNotifications.this.send(sending);
            }
        }
    }

    /** The events as few NOTIFYs as fit PostgreSQL's 8,000-byte payloads, in one statement. */
    private void send(List<InboxEvent> events) {
        var payloads = new ArrayList<String>();
        var payload = new StringBuilder();
        for (var event : events) {
            var encoded = event.encode();
            if (!payload.isEmpty() && payload.length() + 1 + encoded.length() > MAX_PAYLOAD) {
                payloads.add(payload.toString());
                payload.setLength(0);
            }
            payload.append(payload.isEmpty() ? "" : SEPARATOR).append(encoded);
        }
        payloads.add(payload.toString());
        jdbc.sql("select count(pg_notify(:channel, payload)) from unnest(cast(:payloads as text[])) payload")
                .param("channel", CHANNEL).param("payloads", payloads.toArray(String[]::new))
                .query(Integer.class).single();
    }

    @Override
    public void start() {
        running = true;
        listener = Thread.ofPlatform().daemon().name("inbox-listen").start(this::listen);
    }

    @Override
    public void stop() {
        running = false;
        try {
            listener.join(POLL_MILLIS * 4L);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void listen() {
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(true);
                try (var statement = connection.createStatement()) {
                    statement.execute("listen " + CHANNEL);
                }
                var postgres = connection.unwrap(PGConnection.class);
                while (running) {
                    var notifications = postgres.getNotifications(POLL_MILLIS);
                    if (notifications == null) {
                        continue;
                    }
                    deliver(notifications);
                }
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    log.warn("Listening for inbox events failed; listening again in {} ms", RECONNECT_PAUSE_MILLIS, e);
                    pause();
                }
            }
        }
    }

    /**
     * What arrived since the last look, customers' messages and the conversations' changes before delivery statuses:
     * under a broadcast the statuses come by the thousand, and a message a person waits to see must not queue behind
     * them. The events of one kind keep their order.
     */
    private void deliver(org.postgresql.PGNotification[] notifications) {
        var events = new ArrayList<InboxEvent>();
        for (var notification : notifications) {
            for (var payload : notification.getParameter().split(SEPARATOR)) {
                try {
                    events.add(InboxEvent.decode(payload));
                } catch (RuntimeException e) {
                    log.warn("An inbox notification could not be read", e);
                }
            }
        }
        events.stream().filter(event -> !InboxEvent.MESSAGE_STATUS.equals(event.type())).forEach(this::deliver);
        events.stream().filter(event -> InboxEvent.MESSAGE_STATUS.equals(event.type())).forEach(this::deliver);
    }

    private void deliver(InboxEvent event) {
        try {
            hub.deliver(event);
        } catch (RuntimeException e) {
            // One event that cannot be shown (its message purged meanwhile, a client gone) must not stop the others.
            log.warn("An inbox event could not be delivered", e);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(RECONNECT_PAUSE_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
