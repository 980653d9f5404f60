package com.maxmysales.knowledge;

import com.maxmysales.shared.WorkspaceId;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The intent examples a workspace made its own. */
@Component
class IntentExamples {

    private final JdbcClient jdbc;

    IntentExamples(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A stored example and its intent. */
    record Stored(StoredText text, String intent) {
    }

    List<IntentExample> list(WorkspaceId workspace) {
        return stored(workspace).stream().map(s -> new IntentExample(s.text().text(), s.intent())).toList();
    }

    List<Stored> stored(WorkspaceId workspace) {
        return jdbc.sql("""
                select id, text, intent, embedded_form, embedding from knowledge_intent_examples
                where workspace_id = :workspace order by position, id
                """)
                .param("workspace", workspace.value())
                .query((rs, n) -> new Stored(new StoredText(rs.getObject("id", UUID.class), rs.getString("text"),
                        rs.getString("embedded_form"), StoredText.vector(rs.getBytes("embedding"))),
                        rs.getString("intent")))
                .list();
    }

    void replace(WorkspaceId workspace, List<IntentExample> examples) {
        jdbc.sql("delete from knowledge_intent_examples where workspace_id = :workspace")
                .param("workspace", workspace.value()).update();
        for (int i = 0; i < examples.size(); i++) {
            var example = examples.get(i);
            jdbc.sql("""
                    insert into knowledge_intent_examples (workspace_id, id, position, text, intent)
                    values (:workspace, :id, :position, :text, :intent)
                    """)
                    .param("workspace", workspace.value()).param("id", UUID.randomUUID()).param("position", i)
                    .param("text", example.text()).param("intent", example.intent()).update();
        }
    }

    void cacheEmbedding(WorkspaceId workspace, UUID id, String form, float[] embedding) {
        jdbc.sql("""
                update knowledge_intent_examples set embedded_form = :form, embedding = :embedding
                where workspace_id = :workspace and id = :id
                """)
                .param("workspace", workspace.value()).param("id", id).param("form", form)
                .param("embedding", StoredText.bytes(embedding)).update();
    }
}
