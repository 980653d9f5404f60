package com.maxmysales.analytics;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.UUID;

import com.maxmysales.shared.WorkspaceId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What makes counting idempotent: an event's identity (its message, lead or request and what happened) is kept as a
 * one-way key for a week, in the transaction that counts it; the same event delivered again finds its key and counts
 * nothing. The key is a name-based UUID of the identity, never the id itself.
 */
@Repository
class SeenEvents {

    private final JdbcClient jdbc;

    SeenEvents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** True the first time this identity is seen in the workspace; it is remembered from then on. */
    boolean first(WorkspaceId workspace, String identity, LocalDate today) {
        return jdbc.sql("""
                insert into analytics_seen_events (workspace_id, event_key, seen_on) values (:workspace, :key, :day)
                on conflict do nothing
                """).param("workspace", workspace.value()).param("key", key(identity)).param("day", today)
                .update() == 1;
    }

    int forgetBefore(LocalDate day) {
        return jdbc.sql("delete from analytics_seen_events where seen_on < :day").param("day", day).update();
    }

    static UUID key(String identity) {
        return UUID.nameUUIDFromBytes(("maxmysales-analytics:" + identity).getBytes(StandardCharsets.UTF_8));
    }
}
