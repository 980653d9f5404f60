package com.maxmysales.messaging;

import java.util.Collection;
import java.util.UUID;

import com.maxmysales.shared.WorkspaceId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Marks the conversations a campaign's messages opened, so the team inbox leaves them out until the customer
 * replies (the inbox shows a conversation opened by a campaign once its {@code last_inbound_at} is set). Called by
 * the campaign's feed in the transaction that queued the messages: the inbox never sees them unmarked.
 */
@Service
public class CampaignConversations {

    private final JdbcClient jdbc;

    CampaignConversations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The conversations of these queued messages that hold nothing but campaign messages: a conversation the
     * customer or an agent began before stays in the inbox as it was.
     */
    public void openedByCampaign(WorkspaceId workspace, Collection<UUID> messages) {
        if (messages.isEmpty()) {
            return;
        }
        jdbc.sql("""
                update conversations c set opened_by_campaign = true
                from messages m
                where m.workspace_id = :workspace and m.id = any(:messages) and c.workspace_id = :workspace
                  and c.id = m.conversation_id and not c.opened_by_campaign and c.last_inbound_at is null
                  and not exists (select 1 from messages o where o.workspace_id = c.workspace_id
                                  and o.conversation_id = c.id and (o.lane is null or o.lane <> :campaign))
                """)
                .param("workspace", workspace.value()).param("messages", messages.toArray(UUID[]::new))
                .param("campaign", Lane.CAMPAIGN.rank())
                .update();
    }

    /**
     * A customer's message answering a campaign message that lies in an earlier conversation (it ended before they
     * wrote): the campaign message becomes the reply's context ({@code replyTo}), so their new conversation shows what
     * they answer, as a quoted reply does. A message that quotes one itself keeps its own; an answer within the
     * campaign message's conversation has it in its thread already.
     */
    public void answering(WorkspaceId workspace, UUID reply, UUID campaignMessage) {
        jdbc.sql("""
                update messages r set reply_to_wamid = c.wamid
                from messages c
                where r.workspace_id = :workspace and r.id = :reply and r.reply_to_wamid is null
                  and c.workspace_id = :workspace and c.id = :campaignMessage and c.wamid is not null
                  and c.conversation_id <> r.conversation_id
                """)
                .param("workspace", workspace.value()).param("reply", reply).param("campaignMessage", campaignMessage)
                .update();
    }
}
