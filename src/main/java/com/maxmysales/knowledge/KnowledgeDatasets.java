package com.maxmysales.knowledge;

import com.maxmysales.shared.WorkspaceId;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Which of a workspace's datasets are its own (a row) rather than the defaults (none), and the revision each is
 * at: every node compares it with the revision its cached index was built at.
 */
@Component
class KnowledgeDatasets {

    static final String FAQ = "faq";
    static final String INTENTS = "intents";

    private final JdbcClient jdbc;
    private final Clock clock;

    KnowledgeDatasets(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Revision per kind; a kind missing from the map is on the defaults. */
    Map<String, Long> revisions(WorkspaceId workspace) {
        var revisions = new HashMap<String, Long>();
        jdbc.sql("select kind, revision from knowledge_datasets where workspace_id = :workspace")
                .param("workspace", workspace.value())
                .query((rs, n) -> revisions.put(rs.getString("kind"), rs.getLong("revision"))).list();
        return revisions;
    }

    boolean own(WorkspaceId workspace, String kind) {
        return revisions(workspace).containsKey(kind);
    }

    /**
     * Marks the kind changed (and the workspace's own from now on). Called inside the transaction that changed it,
     * after taking the row lock, so that two writers of one workspace take turns.
     */
    void changed(WorkspaceId workspace, String kind) {
        jdbc.sql("""
                insert into knowledge_datasets (workspace_id, kind, revision, changed_at)
                values (:workspace, :kind, nextval('knowledge_revisions'), :now)
                on conflict (workspace_id, kind)
                do update set revision = nextval('knowledge_revisions'), changed_at = excluded.changed_at
                """)
                .param("workspace", workspace.value()).param("kind", kind)
                .param("now", Timestamp.from(clock.instant())).update();
    }

    /** Serialises writers of one workspace's kind until the transaction ends. */
    void lock(WorkspaceId workspace, String kind) {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended(:key, 0))")
                .param("key", "knowledge:" + kind + ":" + workspace.value()).query((rs, n) -> 1).list();
    }
}
