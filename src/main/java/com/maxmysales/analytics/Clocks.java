package com.maxmysales.analytics;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import com.maxmysales.shared.WorkspaceId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Running clocks of open conversations: when the customer started waiting, when the conversation opened, when the
 * business last wrote. A clock is deleted the moment it stops (only the duration's bucket is counted), so this table
 * holds nothing about a conversation that is over; its key is a one-way key of the conversation, not its id.
 */
@Repository
class Clocks {

    enum Kind {
        /** The customer waits for the team's first answer. */
        RESPONSE,
        /** The conversation is open in the inbox. */
        RESOLUTION,
        /** The business wrote and waits for the customer. */
        REPLY,
        /** The bot answers and no person has taken the conversation yet. */
        BOT;

        String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final JdbcClient jdbc;

    Clocks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Starts the clock unless it runs already; true when it started now. */
    boolean start(WorkspaceId workspace, UUID conversation, Kind kind, Instant at) {
        return jdbc.sql("""
                insert into analytics_clocks (workspace_id, clock_key, kind, started_at)
                values (:workspace, :key, :kind, :at) on conflict do nothing
                """).param("workspace", workspace.value()).param("key", key(conversation)).param("kind", kind.code())
                .param("at", Timestamp.from(at)).update() == 1;
    }

    /** Stops the clock: when it had started, or empty when it was not running. */
    Optional<Instant> stop(WorkspaceId workspace, UUID conversation, Kind kind) {
        return jdbc.sql("""
                delete from analytics_clocks where workspace_id = :workspace and clock_key = :key and kind = :kind
                returning started_at
                """).param("workspace", workspace.value()).param("key", key(conversation)).param("kind", kind.code())
                .query(Timestamp.class).optional().map(Timestamp::toInstant);
    }

    /** What the sweep dropped: how many clocks, and the workspaces whose open conversations it changed. */
    record Expired(int clocks, java.util.Set<WorkspaceId> backlogChanged) {}

    Expired expireBefore(Instant before) {
        var changed = new java.util.HashSet<WorkspaceId>();
        var count = new int[1];
        jdbc.sql("delete from analytics_clocks where started_at < :before and kind <> 'bot' returning workspace_id, kind")
                .param("before", Timestamp.from(before))
                .query(rs -> {
                    count[0]++;
                    if (rs.getString("kind").equals(Kind.RESOLUTION.code())) {
                        changed.add(new WorkspaceId(rs.getObject("workspace_id", UUID.class)));
                    }
                });
        return new Expired(count[0], changed);
    }

    /** Stops the bot clocks started before {@code before}: how many per workspace. */
    java.util.Map<WorkspaceId, Integer> stopBotClocksBefore(Instant before) {
        var stopped = new java.util.HashMap<WorkspaceId, Integer>();
        jdbc.sql("delete from analytics_clocks where kind = 'bot' and started_at < :before returning workspace_id")
                .param("before", Timestamp.from(before))
                .query(rs -> {
                    stopped.merge(new WorkspaceId(rs.getObject("workspace_id", UUID.class)), 1, Integer::sum);
                });
        return stopped;
    }

    static UUID key(UUID conversation) {
        return SeenEvents.key("conversation:" + conversation);
    }
}
