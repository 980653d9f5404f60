package com.maxmysales.messaging;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import com.maxmysales.shared.WorkspaceId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Takes back messages that are queued and not yet on their way to Meta, by the idempotency keys they were queued
 * under: a paused or cancelled campaign, a recipient who opted out meanwhile. A row the dispatcher marked
 * {@code sending} is past recall and stays; a row it claimed but had not marked is gone before the mark, which then
 * finds nothing to send. The same key queues a new message afterwards (a resumed campaign).
 */
@Service
public class QueuedSends {

    private final JdbcClient jdbc;

    QueuedSends(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @return the ids of the messages withdrawn, never sent */
    public List<UUID> withdraw(WorkspaceId workspace, Collection<String> idempotencyKeys) {
        if (idempotencyKeys.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                delete from messages
                where workspace_id = :workspace and idempotency_key = any(:keys) and status = 'queued'
                returning id
                """)
                .param("workspace", workspace.value()).param("keys", idempotencyKeys.toArray(String[]::new))
                .query(UUID.class).list();
    }
}
