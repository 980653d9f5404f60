package com.maxmysales.whatsapp;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.maxmysales.platform.Cursor;
import com.maxmysales.shared.WorkspaceId;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code message_templates} rows: Meta's word on each template of the workspace's accounts. */
@Repository
class MessageTemplates {

    private static final String COLUMNS = """
            id, waba_id, name, language, meta_template_id, status, reason, status_detail, status_updated_at, quality,
            previous_quality, quality_updated_at, category, previous_category, category_updated_at, updated_at,
            components::text as components""";

    private final JdbcClient jdbc;

    MessageTemplates(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The template's row, locked until the transaction ends (made first if Meta never spoke of it). */
    CataloguedTemplate lock(WorkspaceId workspace, String wabaId, String name, String language, Instant now) {
        jdbc.sql("""
                insert into message_templates (id, workspace_id, waba_id, name, language, updated_at)
                values (:id, :workspace, :waba, :name, :language, :now)
                on conflict (workspace_id, waba_id, name, language) do nothing
                """)
                .param("id", UUID.randomUUID()).param("workspace", workspace.value()).param("waba", wabaId)
                .param("name", name).param("language", language).param("now", Timestamp.from(now))
                .update();
        return jdbc.sql("select " + COLUMNS + """
                 from message_templates
                where workspace_id = :workspace and waba_id = :waba and name = :name and language = :language for update
                """)
                .param("workspace", workspace.value()).param("waba", wabaId).param("name", name)
                .param("language", language)
                .query(MessageTemplates::template).single();
    }

    void save(WorkspaceId workspace, CataloguedTemplate template) {
        jdbc.sql("""
                update message_templates set meta_template_id = :metaId, status = :status, reason = :reason,
                    status_detail = :detail, status_updated_at = :statusAt, quality = :quality,
                    previous_quality = :previousQuality, quality_updated_at = :qualityAt, category = :category,
                    previous_category = :previousCategory, category_updated_at = :categoryAt, updated_at = :updatedAt
                where workspace_id = :workspace and id = :id
                """)
                .param("metaId", template.metaTemplateId()).param("status", template.status())
                .param("reason", template.reason()).param("detail", template.statusDetail())
                .param("statusAt", timestamp(template.statusUpdatedAt())).param("quality", template.quality())
                .param("previousQuality", template.previousQuality())
                .param("qualityAt", timestamp(template.qualityUpdatedAt())).param("category", template.category())
                .param("previousCategory", template.previousCategory())
                .param("categoryAt", timestamp(template.categoryUpdatedAt()))
                .param("updatedAt", timestamp(template.updatedAt()))
                .param("workspace", workspace.value()).param("id", template.id())
                .update();
    }

    /** What was written for the template (here, or at Meta and read by the sync). */
    void describe(WorkspaceId workspace, UUID id, String components, String parameterFormat, @Nullable Instant submittedAt) {
        jdbc.sql("""
                update message_templates set components = cast(:components as jsonb), parameter_format = :format,
                    submitted_at = coalesce(submitted_at, :submittedAt)
                where workspace_id = :workspace and id = :id
                """)
                .param("components", components).param("format", parameterFormat)
                .param("submittedAt", timestamp(submittedAt))
                .param("workspace", workspace.value()).param("id", id)
                .update();
    }

    Optional<CataloguedTemplate> find(WorkspaceId workspace, String wabaId, String name, String language) {
        return jdbc.sql("select " + COLUMNS + """
                 from message_templates
                where workspace_id = :workspace and waba_id = :waba and name = :name and language = :language
                """)
                .param("workspace", workspace.value()).param("waba", wabaId).param("name", name)
                .param("language", language)
                .query(MessageTemplates::template).optional();
    }

    Optional<CataloguedTemplate> find(WorkspaceId workspace, UUID id) {
        return jdbc.sql("select " + COLUMNS + " from message_templates where workspace_id = :workspace and id = :id")
                .param("workspace", workspace.value()).param("id", id)
                .query(MessageTemplates::template).optional();
    }

    /** Newest news first; {@code status} (any case) filters by Meta's last review event. */
    List<CataloguedTemplate> page(WorkspaceId workspace, @Nullable String status, @Nullable Cursor after, int limitPlusOne) {
        var from = Cursor.orFirst(after);
        return jdbc.sql("select " + COLUMNS + """
                 from message_templates
                where workspace_id = :workspace and (cast(:status as text) is null or status = upper(:status))
                  and (updated_at, id) < (:at, :id)
                order by updated_at desc, id desc limit :limit
                """)
                .param("workspace", workspace.value()).param("status", status)
                .param("at", Timestamp.from(from.at())).param("id", from.id()).param("limit", limitPlusOne)
                .query(MessageTemplates::template).list();
    }

    private static @Nullable Timestamp timestamp(@Nullable Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        var value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static CataloguedTemplate template(ResultSet rs, int row) throws SQLException {
        return new CataloguedTemplate(rs.getObject("id", UUID.class), rs.getString("waba_id"), rs.getString("name"),
                rs.getString("language"), rs.getString("meta_template_id"), rs.getString("status"),
                rs.getString("reason"), rs.getString("status_detail"), instant(rs, "status_updated_at"),
                rs.getString("quality"), rs.getString("previous_quality"), instant(rs, "quality_updated_at"),
                rs.getString("category"), rs.getString("previous_category"), instant(rs, "category_updated_at"),
                instant(rs, "updated_at"), rs.getString("components"));
    }
}
