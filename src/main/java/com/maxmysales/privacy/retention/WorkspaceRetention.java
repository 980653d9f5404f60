package com.maxmysales.privacy.retention;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import com.maxmysales.platform.Refusal;
import com.maxmysales.privacy.audit.AuditLog;
import com.maxmysales.privacy.spi.Actor;
import com.maxmysales.privacy.spi.RequestActors;
import com.maxmysales.shared.WorkspaceId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How long each workspace keeps message content: the operator's {@code maxmysales.privacy.retention.content}
 * (at most 30 days), or less if the workspace chose less. Never more: the notice promises at most that.
 */
@Service
public class WorkspaceRetention {

    static final Duration MIN_CONTENT = Duration.ofDays(1);

    private final RetentionSettings settings;
    private final AuditLog audit;
    private final RequestActors actors;
    private final JdbcClient jdbc;
    private final Clock clock;

    WorkspaceRetention(RetentionSettings settings, AuditLog audit, RequestActors actors, JdbcClient jdbc, Clock clock) {
        this.settings = settings;
        this.audit = audit;
        this.actors = actors;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public RetentionSettings platform() {
        return settings;
    }

    /** The workspace's own choice, if it made one. */
    public Optional<Duration> chosenContent(WorkspaceId workspace) {
        return jdbc.sql("select content_seconds from workspace_retention where workspace_id = :workspace")
                .param("workspace", workspace.value()).query(Long.class).optional().map(Duration::ofSeconds);
    }

    public Duration content(WorkspaceId workspace) {
        return chosenContent(workspace).filter(chosen -> chosen.compareTo(settings.content()) < 0)
                .orElse(settings.content());
    }

    /** @param content the workspace's content retention, or {@code null} to follow the operator's setting */
    @Transactional
    public void chooseContent(WorkspaceId workspace, Duration content) {
        if (content == null) {
            jdbc.sql("delete from workspace_retention where workspace_id = :workspace")
                    .param("workspace", workspace.value()).update();
        } else {
            if (content.compareTo(MIN_CONTENT) < 0 || content.compareTo(settings.content()) > 0) {
                throw Refusal.invalid("invalid-retention", "Invalid retention",
                        "content retention must be between " + MIN_CONTENT + " and " + settings.content()
                                + " (the platform's maximum)");
            }
            jdbc.sql("""
                    insert into workspace_retention (workspace_id, content_seconds, updated_at, updated_by)
                    values (:workspace, :seconds, :now, :actor)
                    on conflict (workspace_id) do update
                    set content_seconds = excluded.content_seconds, updated_at = excluded.updated_at, updated_by = excluded.updated_by
                    """)
                    .param("workspace", workspace.value()).param("seconds", content.toSeconds())
                    .param("now", Timestamp.from(clock.instant())).param("actor", actors.current().orElse(Actor.SYSTEM).id())
                    .update();
        }
        audit.record(workspace, "privacy.retention.change", null, "content=" + (content == null ? "default" : content));
    }

    /** Every workspace that chose a shorter content retention than the operator's, for the purge. */
    Map<WorkspaceId, Duration> shorterChoices() {
        return jdbc.sql("select workspace_id, content_seconds from workspace_retention where content_seconds < :max")
                .param("max", settings.content().toSeconds())
                .query((rs, n) -> Map.entry(new WorkspaceId(rs.getObject(1, UUID.class)), Duration.ofSeconds(rs.getLong(2))))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
