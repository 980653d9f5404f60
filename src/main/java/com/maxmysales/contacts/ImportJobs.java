package com.maxmysales.contacts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.maxmysales.shared.WorkspaceId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The contact_imports table: one row per uploaded file and its progress. */
@Repository
class ImportJobs {

    private static final String COLUMNS = """
            id, file_name, size_bytes, columns, total_rows, status, settings, processed_rows, created_rows, updated_rows,
            error_rows, created_at, started_at, finished_at, failure""";

    record Claimed(UUID id, WorkspaceId workspace) {}

    /** What one committed batch adds to the job's counts. */
    record Progress(long lastRow, long created, long updated, long errors) {}

    private final JdbcClient jdbc;
    private final JsonMapper json;

    ImportJobs(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void insert(WorkspaceId workspace, UUID id, String fileName, Instant now) {
        jdbc.sql("""
                insert into contact_imports (id, workspace_id, file_name, size_bytes, columns, total_rows, status, created_at)
                values (:id, :workspace, :name, 0, '[]', 0, 'uploaded', :now)
                """)
                .param("id", id).param("workspace", workspace.value()).param("name", fileName)
                .param("now", Timestamp.from(now))
                .update();
    }

    void describe(WorkspaceId workspace, UUID id, long size, List<String> columns, long rows) {
        jdbc.sql("""
                update contact_imports set size_bytes = :size, columns = cast(:columns as jsonb), total_rows = :rows
                where workspace_id = :workspace and id = :id
                """)
                .param("size", size).param("columns", json.writeValueAsString(columns)).param("rows", rows)
                .param("workspace", workspace.value()).param("id", id)
                .update();
    }

    /** Imports of the workspace still holding their file for work to come: uploaded, queued or running. */
    int open(WorkspaceId workspace) {
        return jdbc.sql("select count(*) from contact_imports where workspace_id = :workspace"
                        + " and status in ('uploaded', 'queued', 'running')")
                .param("workspace", workspace.value()).query(Integer.class).single();
    }

    Optional<ContactImport> find(WorkspaceId workspace, UUID id) {
        return jdbc.sql("select " + COLUMNS + " from contact_imports where workspace_id = :workspace and id = :id")
                .param("workspace", workspace.value()).param("id", id)
                .query(this::job).optional();
    }

    List<ContactImport> recent(WorkspaceId workspace, int limit) {
        return jdbc.sql("select " + COLUMNS + " from contact_imports where workspace_id = :workspace order by created_at desc limit :limit")
                .param("workspace", workspace.value()).param("limit", limit)
                .query(this::job).list();
    }

    /** The settings a run of the refused rows starts from: those the first run had, to be corrected. */
    void suggest(WorkspaceId workspace, UUID id, ImportSettings settings) {
        jdbc.sql("update contact_imports set settings = cast(:settings as jsonb) where workspace_id = :workspace and id = :id"
                        + " and status = 'uploaded'")
                .param("settings", json.writeValueAsString(settings))
                .param("workspace", workspace.value()).param("id", id)
                .update();
    }

    /** Queues an uploaded job, or a failed one again: it continues after its last committed batch. */
    boolean queue(WorkspaceId workspace, UUID id, ImportSettings settings) {
        return jdbc.sql("""
                update contact_imports set status = 'queued', settings = cast(:settings as jsonb), lease_until = null,
                    failure = null
                where workspace_id = :workspace and id = :id and status in ('uploaded', 'failed')
                """)
                .param("settings", json.writeValueAsString(settings))
                .param("workspace", workspace.value()).param("id", id)
                .update() == 1;
    }

    /** A queued job, or a running one whose node stopped renewing its lease (it crashed): resumed here. */
    Optional<Claimed> claim(Instant now, Instant leaseUntil) {
        return jdbc.sql("""
                update contact_imports set status = 'running', lease_until = :lease, started_at = coalesce(started_at, :now)
                where id = (select id from contact_imports
                            where status in ('queued', 'running') and (lease_until is null or lease_until < :now)
                            order by created_at limit 1 for update skip locked)
                returning id, workspace_id
                """)
                .param("lease", Timestamp.from(leaseUntil)).param("now", Timestamp.from(now))
                .query((rs, n) -> new Claimed(rs.getObject(1, UUID.class), new WorkspaceId(rs.getObject(2, UUID.class))))
                .optional();
    }

    /** Records a committed batch and renews the lease; false when the job was claimed by another node meanwhile. */
    boolean advance(WorkspaceId workspace, UUID id, Progress progress, Instant leaseUntil) {
        return jdbc.sql("""
                update contact_imports set processed_rows = :lastRow, created_rows = created_rows + :created,
                    updated_rows = updated_rows + :updated, error_rows = error_rows + :errors, lease_until = :lease
                where workspace_id = :workspace and id = :id and status = 'running' and processed_rows < :lastRow
                """)
                .param("lastRow", progress.lastRow()).param("created", progress.created())
                .param("updated", progress.updated()).param("errors", progress.errors())
                .param("lease", Timestamp.from(leaseUntil)).param("workspace", workspace.value()).param("id", id)
                .update() == 1;
    }

    /** Lets the job be claimed at once, by this node after a restart or by another. */
    void release(WorkspaceId workspace, UUID id) {
        jdbc.sql("update contact_imports set lease_until = null where workspace_id = :workspace and id = :id and status = 'running'")
                .param("workspace", workspace.value()).param("id", id).update();
    }

    void finish(WorkspaceId workspace, UUID id, String status, String failure, Instant now) {
        jdbc.sql("""
                update contact_imports set status = :status, failure = :failure, finished_at = :now, lease_until = null
                where workspace_id = :workspace and id = :id
                """)
                .param("status", status).param("failure", failure).param("now", Timestamp.from(now))
                .param("workspace", workspace.value()).param("id", id)
                .update();
    }

    int delete(WorkspaceId workspace, UUID id) {
        return jdbc.sql("delete from contact_imports where workspace_id = :workspace and id = :id")
                .param("workspace", workspace.value()).param("id", id).update();
    }

    private ContactImport job(ResultSet rs, int n) throws SQLException {
        var settings = rs.getString("settings");
        return new ContactImport(rs.getObject("id", UUID.class), rs.getString("file_name"), rs.getLong("size_bytes"),
                json.readValue(rs.getString("columns"), new TypeReference<List<String>>() {}), rs.getLong("total_rows"),
                rs.getString("status"), settings == null ? null : json.readValue(settings, ImportSettings.class),
                rs.getLong("processed_rows"), rs.getLong("created_rows"), rs.getLong("updated_rows"),
                rs.getLong("error_rows"), instant(rs, "created_at"), instant(rs, "started_at"), instant(rs, "finished_at"),
                rs.getString("failure"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        var timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }
}
