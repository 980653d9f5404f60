package com.maxmysales.inbox;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.maxmysales.shared.WorkspaceId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Which members have the inbox open, on any node: each one's live event stream beats into the database, and a member
 * seen within {@link InboxSettings#presenceTimeout()} is online.
 */
@Component
class Presence {

    private final JdbcClient jdbc;
    private final InboxSettings settings;
    private final Clock clock;

    Presence(JdbcClient jdbc, InboxSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.clock = clock;
    }

    void beat(WorkspaceId workspace, Set<UUID> members) {
        if (members.isEmpty()) {
            return;
        }
        jdbc.sql("""
                insert into inbox_presence (workspace_id, member_id, seen_at)
                select :workspace, member, :now from unnest(:members) as member
                on conflict (workspace_id, member_id) do update set seen_at = excluded.seen_at
                """)
                .param("workspace", workspace.value()).param("members", members.toArray(UUID[]::new))
                .param("now", Timestamp.from(clock.instant())).update();
    }

    /** Of {@code candidates}, those online now. */
    List<UUID> online(WorkspaceId workspace, List<UUID> candidates) {
        if (candidates.isEmpty()) {
            return List.of();
        }
        var online = Set.copyOf(jdbc.sql("""
                select member_id from inbox_presence
                where workspace_id = :workspace and member_id = any(:members) and seen_at >= :since
                """)
                .param("workspace", workspace.value()).param("members", candidates.toArray(UUID[]::new))
                .param("since", Timestamp.from(clock.instant().minus(settings.presenceTimeout())))
                .query(UUID.class).list());
        return candidates.stream().filter(online::contains).toList();
    }
}
