package com.maxmysales.inbox;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import com.maxmysales.messaging.MessageReceived;
import com.maxmysales.messaging.MessageStatusChanged;

import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Live events across nodes: each event is a NOTIFY on {@value #CHANNEL} in the transaction that caused it, which
 * PostgreSQL delivers only once that transaction commits (and never if it rolls back); every node LISTENs on one
 * connection of its own and hands what arrives to its {@link InboxHub}. The event's own node hears it too, so one
 * path serves one node and many.
 */
@Component
class InboxNotifications implements SmartLifecycle {

    static final String CHANNEL = "inbox_events";

    private static final Logger log = LoggerFactory.getLogger(InboxNotifications.class);
    private static final int POLL_MILLIS = 250;
    private static final long RECONNECT_PAUSE_MILLIS = 1000;

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final InboxHub hub;
    private volatile boolean running;
    private Thread listener;

    InboxNotifications(JdbcClient jdbc, DataSource dataSource, InboxHub hub) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.hub = hub;
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(MessageReceived received) {
        notify(new InboxEvent(InboxEvent.MESSAGE_RECEIVED, received.workspaceId(), received.conversationId(),
                received.messageId()));
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(MessageStatusChanged changed) {
        notify(new InboxEvent(InboxEvent.MESSAGE_STATUS, changed.workspaceId(), null, changed.messageId()));
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(ConversationUpdated updated) {
        notify(new InboxEvent(InboxEvent.CONVERSATION_UPDATED, updated.workspaceId(), updated.conversationId(), null));
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(NoteAdded added) {
        notify(new InboxEvent(InboxEvent.NOTE_ADDED, added.workspaceId(), added.conversationId(), added.noteId()));
    }

    private void notify(InboxEvent event) {
        jdbc.sql("select 1 from pg_notify(:channel, :payload)").param("channel", CHANNEL)
                .param("payload", event.encode()).query(Integer.class).single();
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
                    for (var notification : notifications) {
                        deliver(notification.getParameter());
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    log.warn("Listening for inbox events failed; listening again in {} ms", RECONNECT_PAUSE_MILLIS, e);
                    pause();
                }
            }
        }
    }

    private void deliver(String payload) {
        try {
            hub.deliver(InboxEvent.decode(payload));
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
