package com.maxmysales.inbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.maxmysales.shared.Permission;
import com.maxmysales.shared.WorkspaceId;
import com.maxmysales.tenancy.Member;
import com.maxmysales.tenancy.WorkspaceManagement;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The round robin of conversations: per number, in turn among the agents online (the inbox open in the last
 * minute). New conversations from customers and leads' follow-ups both take their turn here.
 */
@Service
public class InboxAssignments {

    private final JdbcClient jdbc;
    private final Presence presence;
    private final WorkspaceManagement workspaces;
    private final ApplicationEventPublisher events;

    InboxAssignments(JdbcClient jdbc, Presence presence, WorkspaceManagement workspaces,
            ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.presence = presence;
        this.workspaces = workspaces;
        this.events = events;
    }

    /**
     * Gives an unassigned conversation to the next of {@code candidates} online in its number's turn; a conversation
     * someone has already keeps them (a customer who is talking to someone keeps them).
     *
     * @param candidates who may get it; null for every active member who works conversations
     * @param evenIfNoneOnline when none of them is online, take turns among all of them (a lead must have someone)
     * @return the agent who has the conversation now, if any
     */
    @Transactional
    public Optional<UUID> assignInTurn(WorkspaceId workspace, UUID conversation, @Nullable List<UUID> candidates,
            boolean evenIfNoneOnline) {
        var current = jdbc.sql("""
                select channel_id, assignee_id from conversations where workspace_id = :workspace and id = :id for update
                """)
                .param("workspace", workspace.value()).param("id", conversation)
                .query((rs, n) -> new Current(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class))).optional();
        if (current.isEmpty() || current.get().assignee() != null) {
            return current.map(Current::assignee);
        }
        var workers = workers(workspace);
        var allowed = candidates == null ? workers : candidates.stream().filter(workers::contains).toList();
        var online = presence.online(workspace, allowed);
        var pool = online.isEmpty() && evenIfNoneOnline ? allowed : online;
        if (pool.isEmpty()) {
            return Optional.empty();
        }
        var agent = pool.get(nextTurn(workspace, current.get().channel(), pool.size()));
        jdbc.sql("update conversations set assignee_id = :agent where workspace_id = :workspace and id = :id")
                .param("agent", agent).param("workspace", workspace.value()).param("id", conversation).update();
        events.publishEvent(new ConversationUpdated(workspace, conversation));
        return Optional.of(agent);
    }

    private record Current(UUID channel, @Nullable UUID assignee) {}

    /** Whether a member may be given conversations: active, and their role works them. */
    boolean works(WorkspaceId workspace, UUID member) {
        return workers(workspace).contains(member);
    }

    List<UUID> workers(WorkspaceId workspace) {
        return members(workspace).stream().filter(InboxAssignments::works).map(Member::id).toList();
    }

    static boolean works(Member member) {
        return member.active() && member.role().allows(Permission.CONVERSATIONS_READ);
    }

    List<Member> members(WorkspaceId workspace) {
        var members = new ArrayList<Member>();
        String cursor = null;
        do {
            var page = workspaces.members(workspace, cursor, 100);
            members.addAll(page.items());
            cursor = page.nextCursor();
        } while (cursor != null);
        return members;
    }

    /** A counter per number shared by every node. */
    private int nextTurn(WorkspaceId workspace, UUID channel, int agents) {
        var turn = jdbc.sql("""
                insert into inbox_turns (workspace_id, channel_id, turn) values (:workspace, :channel, 1)
                on conflict (workspace_id, channel_id) do update set turn = inbox_turns.turn + 1
                returning turn - 1
                """)
                .param("workspace", workspace.value()).param("channel", channel).query(Long.class).single();
        return (int) Math.floorMod(turn, (long) agents);
    }
}
