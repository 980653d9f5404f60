package com.maxmysales.inbox;

import java.util.ArrayList;
import java.util.Optional;
import java.util.UUID;

import com.maxmysales.shared.WorkspaceId;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a module that answers for the team (the chatbot) needs of the inbox: who has a conversation, and handing it
 * to the team.
 */
@Service
public class InboxHandOffs {

    /** The label a handed-off conversation carries, so the team sees it came from the bot. */
    public static final String HANDED_OFF_LABEL = "bot handoff";

    private final InboxRows rows;
    private final ApplicationEventPublisher events;
    private final java.time.Clock clock;

    InboxHandOffs(InboxRows rows, ApplicationEventPublisher events, java.time.Clock clock) {
        this.rows = rows;
        this.events = events;
        this.clock = clock;
    }

    /** The agent the conversation is assigned to, if any. */
    public Optional<UUID> assignee(WorkspaceId workspace, UUID conversation) {
        return rows.find(workspace, conversation).map(InboxConversation::assigneeId);
    }

    /**
     * Whether the conversation carries the hand-off label: handed off by the bot and not given back. A conversation
     * opened after one that did inherits its label and agent (a customer who writes again keeps their person).
     */
    public boolean handedOff(WorkspaceId workspace, UUID conversation) {
        return rows.find(workspace, conversation).map(found -> found.labels().contains(HANDED_OFF_LABEL)).orElse(false);
    }

    /** The conversation waits for the team: open, unassigned, labelled. Safe to repeat. */
    @Transactional
    public void handOff(WorkspaceId workspace, UUID conversation) {
        var found = rows.find(workspace, conversation);
        if (found.isEmpty()) {
            return;
        }
        var changed = rows.setStatus(workspace, conversation, InboxStatus.OPEN, null, clock.instant());
        changed |= rows.setAssignee(workspace, conversation, null);
        if (!found.get().labels().contains(HANDED_OFF_LABEL) && found.get().labels().size() < Inbox.MAX_LABELS) {
            var labels = new ArrayList<>(found.get().labels());
            labels.add(HANDED_OFF_LABEL);
            changed |= rows.setLabels(workspace, conversation, labels);
        }
        if (changed) {
            events.publishEvent(new ConversationUpdated(workspace, conversation));
        }
    }

    /**
     * The team gives the conversation back to the bot: unassigned, and without the hand-off label.
     *
     * @return false when the workspace has no such conversation
     */
    @Transactional
    public boolean handBack(WorkspaceId workspace, UUID conversation) {
        var found = rows.find(workspace, conversation);
        if (found.isEmpty()) {
            return false;
        }
        var changed = rows.setAssignee(workspace, conversation, null);
        if (found.get().labels().contains(HANDED_OFF_LABEL)) {
            var labels = new ArrayList<>(found.get().labels());
            labels.remove(HANDED_OFF_LABEL);
            changed |= rows.setLabels(workspace, conversation, labels);
        }
        if (changed) {
            events.publishEvent(new ConversationUpdated(workspace, conversation));
        }
        return true;
    }
}
