package com.maxmysales.inbox;

import com.maxmysales.shared.WorkspaceId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** A workspace's choices for its inbox (V130 {@code inbox_settings}); a workspace that chose nothing has the defaults. */
@Service
public class WorkspaceInboxSettings {

    /**
     * @param agentsSeeAll agents see every conversation, not only unassigned ones and their own (default off)
     * @param readReceipts reading a conversation sends the customer Meta's read receipt (default on)
     * @param autoAssign a customer's new conversation goes to the next agent online in turn (default on); otherwise it
     *                   waits unassigned until someone takes it
     */
    public record Choice(boolean agentsSeeAll, boolean readReceipts, boolean autoAssign) {
        static final Choice DEFAULT = new Choice(false, true, true);
    }

    private final JdbcClient jdbc;

    WorkspaceInboxSettings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Choice of(WorkspaceId workspace) {
        return jdbc.sql("select agents_see_all, read_receipts, auto_assign from inbox_settings where workspace_id = :workspace")
                .param("workspace", workspace.value())
                .query((rs, n) -> new Choice(rs.getBoolean(1), rs.getBoolean(2), rs.getBoolean(3))).optional().orElse(Choice.DEFAULT);
    }

    public void choose(WorkspaceId workspace, Choice choice) {
        jdbc.sql("""
                insert into inbox_settings (workspace_id, agents_see_all, read_receipts, auto_assign)
                values (:workspace, :all, :receipts, :auto)
                on conflict (workspace_id) do update set agents_see_all = excluded.agents_see_all,
                                                         read_receipts = excluded.read_receipts,
                                                         auto_assign = excluded.auto_assign
                """)
                .param("workspace", workspace.value()).param("all", choice.agentsSeeAll())
                .param("receipts", choice.readReceipts()).param("auto", choice.autoAssign()).update();
    }
}
