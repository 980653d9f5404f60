package com.maxmysales.campaigns;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.maxmysales.platform.Cursor;
import com.maxmysales.shared.WorkspaceId;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The campaigns table. Every query takes the workspace, except the engine's look for work across workspaces. */
@Repository
class CampaignRows {

    private static final String COLUMNS = """
            id, workspace_id, name, channel_id, template_name, template_language, audience_kind, audience_ref,
            variables, status, scheduled_at, paused_reason, snapshot_done, created_at, launched_at, finished_at""";
    private static final TypeReference<LinkedHashMap<String, Variable>> VARIABLES = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JsonMapper json;

    CampaignRows(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void insert(Campaign campaign) {
        jdbc.sql("""
                insert into campaigns (id, workspace_id, name, channel_id, template_name, template_language,
                                       audience_kind, audience_ref, variables, status, scheduled_at, created_at)
                values (:id, :workspace, :name, :channel, :template, :language, :kind, :ref, :variables, :status,
                        :scheduledAt, :createdAt)
                """)
                .param("id", campaign.id()).param("workspace", campaign.workspaceId().value())
                .param("name", campaign.name()).param("channel", campaign.channelId())
                .param("template", campaign.templateName()).param("language", campaign.templateLanguage())
                .param("kind", campaign.audience().kind().code()).param("ref", campaign.audience().ref())
                .param("variables", json.writeValueAsString(campaign.variables()))
                .param("status", campaign.status().code())
                .param("scheduledAt", timestamp(campaign.scheduledAt()))
                .param("createdAt", Timestamp.from(campaign.createdAt()))
                .update();
    }

    Optional<Campaign> find(WorkspaceId workspace, UUID id) {
        return jdbc.sql("select " + COLUMNS + " from campaigns where workspace_id = :workspace and id = :id")
                .param("workspace", workspace.value()).param("id", id)
                .query(this::campaign).optional();
    }

    /** The names of these campaigns of the workspace; one no longer there is left out. */
    Map<UUID, String> names(WorkspaceId workspace, java.util.Collection<UUID> ids) {
        var names = new LinkedHashMap<UUID, String>();
        jdbc.sql("select id, name from campaigns where workspace_id = :workspace and id = any(:ids)")
                .param("workspace", workspace.value()).param("ids", ids.toArray(UUID[]::new))
                .query((rs, n) -> names.put(rs.getObject("id", UUID.class), rs.getString("name"))).list();
        return names;
    }

    /**
     * The row, locked until the transaction ends: one change or one feed of a campaign at a time, on every node. Not
     * {@code for update}: that lock waits for (or, skipping, gives up on) the key-share lock every transaction that
     * updates a recipient row twice takes on its campaign (the foreign key is checked again), and a webhook batch moving
     * recipients held the feed off for a whole poll interval, about a second in every two under a broadcast.
     */
    Optional<Campaign> lock(WorkspaceId workspace, UUID id) {
        return jdbc.sql("select " + COLUMNS + " from campaigns where workspace_id = :workspace and id = :id for no key update")
                .param("workspace", workspace.value()).param("id", id)
                .query(this::campaign).optional();
    }

    /** Locked like {@link #lock}, or empty when another node holds it (it is feeding it now). */
    Optional<Campaign> lockIfFree(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from campaigns where id = :id and status = 'running' for no key update skip locked")
                .param("id", id).query(this::campaign).optional();
    }

    /** Newest first; rows plus one, for {@code CursorPage.of}. */
    List<Campaign> page(WorkspaceId workspace, @Nullable Cursor after, int limit) {
        var from = Cursor.orFirst(after);
        return jdbc.sql("select " + COLUMNS + """
                 from campaigns where workspace_id = :workspace and (created_at, id) < (:at, :id)
                order by created_at desc, id desc limit :limit
                """)
                .param("workspace", workspace.value()).param("at", Timestamp.from(from.at())).param("id", from.id())
                .param("limit", limit + 1)
                .query(this::campaign).list();
    }

    List<Campaign> running(WorkspaceId workspace, String templateName, String language) {
        return jdbc.sql("select " + COLUMNS + """
                 from campaigns where workspace_id = :workspace and status = 'running'
                  and template_name = :name and template_language = :language
                """)
                .param("workspace", workspace.value()).param("name", templateName).param("language", language)
                .query(this::campaign).list();
    }

    /** Ids of the running campaigns of every workspace, the ones fed longest ago first. */
    List<UUID> runningIds() {
        return jdbc.sql("select id from campaigns where status = 'running' order by launched_at").query(UUID.class).list();
    }

    /** Scheduled campaigns whose time came start running. */
    int startDue(Instant now) {
        return jdbc.sql("""
                update campaigns set status = 'running', launched_at = :now
                where status = 'scheduled' and scheduled_at <= :now
                """)
                .param("now", Timestamp.from(now)).update();
    }

    void status(WorkspaceId workspace, UUID id, CampaignStatus status, @Nullable Instant scheduledAt,
            @Nullable String pausedReason, @Nullable Instant launchedAt, @Nullable Instant finishedAt) {
        jdbc.sql("""
                update campaigns set status = :status, scheduled_at = coalesce(:scheduledAt, scheduled_at),
                    paused_reason = :reason, launched_at = coalesce(launched_at, :launchedAt),
                    finished_at = coalesce(finished_at, :finishedAt)
                where workspace_id = :workspace and id = :id
                """)
                .param("status", status.code()).param("scheduledAt", timestamp(scheduledAt))
                .param("reason", pausedReason).param("launchedAt", timestamp(launchedAt))
                .param("finishedAt", timestamp(finishedAt))
                .param("workspace", workspace.value()).param("id", id)
                .update();
    }

    /** Where the snapshot of its audience goes on: null before the first page. */
    @Nullable String snapshotCursor(WorkspaceId workspace, UUID id) {
        return jdbc.sql("select snapshot_cursor from campaigns where workspace_id = :workspace and id = :id")
                .param("workspace", workspace.value()).param("id", id)
                .query((rs, n) -> Optional.ofNullable(rs.getString(1))).single().orElse(null);
    }

    /** A page of the audience was recorded: the snapshot goes on after {@code next}, or is done when it is null. */
    void snapshotRead(WorkspaceId workspace, UUID id, @Nullable String next) {
        jdbc.sql("""
                update campaigns set snapshot_cursor = :next, snapshot_done = cast(:next as text) is null
                where workspace_id = :workspace and id = :id
                """)
                .param("next", next).param("workspace", workspace.value()).param("id", id).update();
    }

    private Campaign campaign(ResultSet rs, int row) throws SQLException {
        Map<String, Variable> variables = json.readValue(rs.getString("variables"), VARIABLES);
        return new Campaign(rs.getObject("id", UUID.class), new WorkspaceId(rs.getObject("workspace_id", UUID.class)),
                rs.getString("name"), rs.getObject("channel_id", UUID.class), rs.getString("template_name"),
                rs.getString("template_language"),
                new Audience(Audience.Kind.valueOf(rs.getString("audience_kind").toUpperCase(java.util.Locale.ROOT)),
                        rs.getString("audience_ref")),
                variables, CampaignStatus.fromCode(rs.getString("status")).orElseThrow(),
                instant(rs, "scheduled_at"), rs.getString("paused_reason"), rs.getBoolean("snapshot_done"),
                rs.getTimestamp("created_at").toInstant(), instant(rs, "launched_at"), instant(rs, "finished_at"));
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        var value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static @Nullable Timestamp timestamp(@Nullable Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    /** The campaign's audience came from this contacts import (a CSV uploaded for it). */
    void audienceImport(WorkspaceId workspace, UUID campaign, UUID contactImport) {
        jdbc.sql("update campaigns set audience_import_id = :import where workspace_id = :workspace and id = :id")
                .param("import", contactImport).param("workspace", workspace.value()).param("id", campaign).update();
    }

    java.util.Optional<UUID> audienceImport(WorkspaceId workspace, UUID campaign) {
        return jdbc.sql("select audience_import_id from campaigns where workspace_id = :workspace and id = :id")
                .param("workspace", workspace.value()).param("id", campaign)
                .query((rs, n) -> java.util.Optional.ofNullable(rs.getObject(1, UUID.class))).optional()
                .flatMap(found -> found);
    }
}
