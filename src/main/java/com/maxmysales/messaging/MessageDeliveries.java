package com.maxmysales.messaging;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.maxmysales.shared.WorkspaceId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Where messages and their conversations stand, for modules that sent them and show their progress (a lead's
 * follow-up) without reading any content.
 */
@Service
public class MessageDeliveries {

    /** @param errorCode Meta's (or our negative) code of a failed message */
    public record Delivery(UUID messageId, MessageStatus status, Integer errorCode, Instant sentAt) {}

    private final JdbcClient jdbc;

    MessageDeliveries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The messages among these ids that still exist in the workspace, by id. */
    public Map<UUID, Delivery> of(WorkspaceId workspace, Collection<UUID> messages) {
        if (messages.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("""
                select id, status, error_code, sent_at from messages
                where workspace_id = :workspace and id in (:ids)
                """)
                .param("workspace", workspace.value()).param("ids", messages)
                .query((rs, n) -> new Delivery(rs.getObject(1, UUID.class), MessageStatus.fromCode(rs.getString(2)),
                        rs.getObject(3, Integer.class), instant(rs.getTimestamp(4))))
                .list().stream().collect(Collectors.toMap(Delivery::messageId, Function.identity()));
    }

    /**
     * Which of these conversations still keep their content: open, or ended at or after the cutoff. One that
     * ended before it, or no longer exists, is past its retention.
     */
    public Set<UUID> keptAt(WorkspaceId workspace, Collection<UUID> conversations, Instant cutoff) {
        if (conversations.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(jdbc.sql("""
                select id from conversations
                where workspace_id = :workspace and id in (:ids) and (state = 'open' or ended_at >= :cutoff)
                """)
                .param("workspace", workspace.value()).param("ids", conversations).param("cutoff", Timestamp.from(cutoff))
                .query(UUID.class).list());
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
