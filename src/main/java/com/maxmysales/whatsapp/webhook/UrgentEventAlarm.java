package com.maxmysales.whatsapp.webhook;

import java.sql.SQLException;

import javax.sql.DataSource;

import com.maxmysales.whatsapp.WhatsAppSettings;

import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * LISTENs for customers' messages stored by any node ({@link WebhookInbox#announceUrgent()}) and wakes this node's
 * {@link UrgentWebhookWorker} at once: behind a load balancer the node that received a message may be another one,
 * or one that only receives, and a customer's message must not wait for the worker's next poll. One connection per
 * node, held while processing is on.
 */
@Component
class UrgentEventAlarm implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(UrgentEventAlarm.class);
    private static final int POLL_MILLIS = 250;
    private static final long RECONNECT_PAUSE_MILLIS = 1_000;

    private final DataSource dataSource;
    private final UrgentWebhookWorker urgent;
    private final boolean enabled;
    private volatile boolean running;
    private Thread listener;

    UrgentEventAlarm(DataSource dataSource, UrgentWebhookWorker urgent, WhatsAppSettings settings) {
        this.dataSource = dataSource;
        this.urgent = urgent;
        this.enabled = settings.processingWorkers() > 0;
    }

    private void listen() {
        while (running) {
            try (var connection = dataSource.getConnection()) {
                connection.setAutoCommit(true);
                try (var statement = connection.createStatement()) {
                    statement.execute("listen " + WebhookInbox.URGENT_CHANNEL);
                }
                var postgres = connection.unwrap(PGConnection.class);
                while (running) {
                    var notifications = postgres.getNotifications(POLL_MILLIS);
                    if (notifications != null && notifications.length > 0) {
                        urgent.wake();
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    log.warn("Listening for customers' messages failed; listening again in {} ms", RECONNECT_PAUSE_MILLIS, e);
                    pause();
                }
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(RECONNECT_PAUSE_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void start() {
        running = true;
        if (enabled) {
            listener = Thread.ofPlatform().daemon().name("webhook-urgent-listen").start(this::listen);
        }
    }

    @Override
    public void stop() {
        running = false;
        if (listener != null) {
            try {
                listener.join(POLL_MILLIS * 4L);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            listener = null;
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
