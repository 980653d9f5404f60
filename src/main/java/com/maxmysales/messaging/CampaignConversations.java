package com.maxmysales.messaging;

import java.util.UUID;

import com.maxmysales.shared.WorkspaceId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * What a campaign's messages mean for the conversations they are in. A conversation only campaign messages opened
 * is made hidden from the team inbox when {@link Outbound} opens it, in the transaction that queues them (V245), until
 * the customer replies; what is here is for the replies.
 */
@Service
public class CampaignConversations {

    private final JdbcClient jdbc;

    CampaignConversations(JdbcClient jdbc) {
        this.jdbc = jdbc;
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
