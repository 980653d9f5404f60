package com.maxmysales.chatbot;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.maxmysales.shared.WorkspaceId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@code chatbot_flows}. JSON kept as text: it is checked by {@link FlowJson} before it is stored. */
@Repository
class FlowStore {

    static final int MAX_FLOWS = 100;

    private final JdbcClient jdbc;
    private final Clock clock;

    FlowStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    List<StoredFlow> list(WorkspaceId workspace) {
        return jdbc.sql("""
                select id, name, draft::text, live::text, updated_at from chatbot_flows
                where workspace_id = :workspace order by created_at, id
                """)
                .param("workspace", workspace.value())
                .query((rs, n) -> new StoredFlow(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getTimestamp(5).toInstant()))
                .list();
    }

    /** A published flow's id and the JSON the bot runs. */
    record Live(UUID id, String json) {}

    /** The published flows, for the bot: their live JSON only, not the drafts. */
    List<Live> live(WorkspaceId workspace) {
        return jdbc.sql("""
                select id, live::text from chatbot_flows
                where workspace_id = :workspace and live is not null order by created_at, id
                """)
                .param("workspace", workspace.value())
                .query((rs, n) -> new Live(rs.getObject(1, UUID.class), rs.getString(2)))
                .list();
    }

    Optional<StoredFlow> find(WorkspaceId workspace, UUID id) {
        return jdbc.sql("""
                select id, name, draft::text, live::text, updated_at from chatbot_flows
                where workspace_id = :workspace and id = :id
                """)
                .param("workspace", workspace.value()).param("id", id)
                .query((rs, n) -> new StoredFlow(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getTimestamp(5).toInstant()))
                .optional();
    }

    int count(WorkspaceId workspace) {
        return jdbc.sql("select count(*) from chatbot_flows where workspace_id = :workspace")
                .param("workspace", workspace.value()).query(Integer.class).single();
    }

    void insert(WorkspaceId workspace, UUID id, String name, String draft) {
        var now = Timestamp.from(clock.instant());
        jdbc.sql("""
                insert into chatbot_flows (workspace_id, id, name, draft, created_at, updated_at)
                values (:workspace, :id, :name, cast(:draft as jsonb), :now, :now) on conflict do nothing
                """)
                .param("workspace", workspace.value()).param("id", id).param("name", name).param("draft", draft)
                .param("now", now).update();
    }

    boolean saveDraft(WorkspaceId workspace, UUID id, String name, String draft) {
        return jdbc.sql("""
                update chatbot_flows set name = :name, draft = cast(:draft as jsonb), updated_at = :now
                where workspace_id = :workspace and id = :id
                """)
                .param("workspace", workspace.value()).param("id", id).param("name", name).param("draft", draft)
                .param("now", Timestamp.from(clock.instant())).update() == 1;
    }

    /**
     * Makes the draft that was checked the live flow: the checked text, not the row's draft at this moment, which an
     * editor's save in between may have made incomplete.
     */
    boolean publish(WorkspaceId workspace, UUID id, String checkedDraft) {
        return jdbc.sql("""
                update chatbot_flows set live = cast(:checked as jsonb), updated_at = :now
                where workspace_id = :workspace and id = :id
                """)
                .param("workspace", workspace.value()).param("id", id).param("checked", checkedDraft)
                .param("now", Timestamp.from(clock.instant())).update() == 1;
    }

    boolean delete(WorkspaceId workspace, UUID id) {
        return jdbc.sql("delete from chatbot_flows where workspace_id = :workspace and id = :id")
                .param("workspace", workspace.value()).param("id", id).update() == 1;
    }
}
