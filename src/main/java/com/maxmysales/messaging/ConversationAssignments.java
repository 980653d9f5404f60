package com.maxmysales.messaging;

import java.util.Optional;
import java.util.UUID;

import com.maxmysales.shared.WorkspaceId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Which agent handles a conversation. */
@Service
public class ConversationAssignments {

    private final JdbcClient jdbc;

    ConversationAssignments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Gives the conversation to a member of its workspace unless an agent has it already: a customer who is
     * talking to someone keeps them.
     *
     * @return the agent who has the conversation now, if any
     */
    @Transactional
    public Optional<UUID> assignIfUnassigned(WorkspaceId workspace, UUID conversation, UUID member) {
        jdbc.sql("""
                update conversations set assignee_id = :member
                where workspace_id = :workspace and id = :conversation and assignee_id is null
                  and exists (select 1 from business_users u where u.id = :member and u.workspace_id = :workspace)
                """)
                .param("workspace", workspace.value()).param("conversation", conversation).param("member", member)
                .update();
        return jdbc.sql("select assignee_id from conversations where workspace_id = :workspace and id = :conversation")
                .param("workspace", workspace.value()).param("conversation", conversation)
                .query((rs, n) -> Optional.ofNullable(rs.getObject(1, UUID.class))).optional().flatMap(found -> found);
    }
}
