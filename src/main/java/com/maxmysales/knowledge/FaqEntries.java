package com.maxmysales.knowledge;

import com.maxmysales.shared.WorkspaceId;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The FAQ entries a workspace made its own, in the order it gave them. */
@Component
class FaqEntries {

    private final JdbcClient jdbc;

    FaqEntries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<FaqEntry> list(WorkspaceId workspace) {
        return jdbc.sql("""
                select id, question, answer from knowledge_faq_entries
                where workspace_id = :workspace order by position, id
                """)
                .param("workspace", workspace.value())
                .query((rs, n) -> new FaqEntry(rs.getObject("id", UUID.class), rs.getString("question"),
                        rs.getString("answer")))
                .list();
    }

    /** A stored entry and its question's cached embedding. */
    record Stored(FaqEntry entry, StoredText question) {
    }

    List<Stored> stored(WorkspaceId workspace) {
        return jdbc.sql("""
                select id, question, answer, embedded_form, embedding from knowledge_faq_entries
                where workspace_id = :workspace order by position, id
                """)
                .param("workspace", workspace.value())
                .query((rs, n) -> {
                    var id = rs.getObject("id", UUID.class);
                    return new Stored(new FaqEntry(id, rs.getString("question"), rs.getString("answer")),
                            new StoredText(id, rs.getString("question"), rs.getString("embedded_form"),
                                    StoredText.vector(rs.getBytes("embedding"))));
                })
                .list();
    }

    void replace(WorkspaceId workspace, List<FaqEntry> entries) {
        jdbc.sql("delete from knowledge_faq_entries where workspace_id = :workspace")
                .param("workspace", workspace.value()).update();
        for (int i = 0; i < entries.size(); i++) {
            insert(workspace, entries.get(i), i);
        }
    }

    void insert(WorkspaceId workspace, FaqEntry entry, int position) {
        jdbc.sql("""
                insert into knowledge_faq_entries (workspace_id, id, position, question, answer)
                values (:workspace, :id, :position, :question, :answer)
                """)
                .param("workspace", workspace.value()).param("id", entry.id()).param("position", position)
                .param("question", entry.question()).param("answer", entry.answer()).update();
    }

    int nextPosition(WorkspaceId workspace) {
        return jdbc.sql("select coalesce(max(position) + 1, 0) from knowledge_faq_entries where workspace_id = :workspace")
                .param("workspace", workspace.value()).query(Integer.class).single();
    }

    boolean update(WorkspaceId workspace, FaqEntry entry) {
        return jdbc.sql("""
                update knowledge_faq_entries set question = :question, answer = :answer,
                    embedded_form = case when question = :question then embedded_form end,
                    embedding = case when question = :question then embedding end
                where workspace_id = :workspace and id = :id
                """)
                .param("workspace", workspace.value()).param("id", entry.id())
                .param("question", entry.question()).param("answer", entry.answer()).update() > 0;
    }

    boolean delete(WorkspaceId workspace, UUID id) {
        return jdbc.sql("delete from knowledge_faq_entries where workspace_id = :workspace and id = :id")
                .param("workspace", workspace.value()).param("id", id).update() > 0;
    }

    int count(WorkspaceId workspace) {
        return jdbc.sql("select count(*) from knowledge_faq_entries where workspace_id = :workspace")
                .param("workspace", workspace.value()).query(Integer.class).single();
    }

    void cacheEmbedding(WorkspaceId workspace, UUID id, String form, float[] embedding) {
        jdbc.sql("""
                update knowledge_faq_entries set embedded_form = :form, embedding = :embedding
                where workspace_id = :workspace and id = :id
                """)
                .param("workspace", workspace.value()).param("id", id).param("form", form)
                .param("embedding", StoredText.bytes(embedding)).update();
    }
}
