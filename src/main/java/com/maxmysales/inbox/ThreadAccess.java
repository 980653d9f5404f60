package com.maxmysales.inbox;

import java.util.UUID;

import com.maxmysales.messaging.Conversation;
import com.maxmysales.messaging.ConversationQueries;
import com.maxmysales.platform.Refusal;
import com.maxmysales.shared.Permission;
import com.maxmysales.tenancy.WorkspaceMember;

import org.springframework.stereotype.Component;

/**
 * Who may open a conversation's thread, and how much of it they see. The workspace is the caller's own (another's
 * conversation is not found), and the inbox's visibility rule applies (an agent of a workspace that restricts them
 * opens only unassigned conversations and their own); people who read conversations see everything, analysts only
 * what happened when (types, times, ticks), never content.
 */
@Component
public class ThreadAccess {

    /** How much of a thread a caller sees. */
    public enum View {
        /** Text, media, notes and the contact panel. */
        CONTENT,
        /** Each message's type, time and delivery only. */
        METADATA
    }

    private final ConversationQueries conversations;
    private final Inbox inbox;
    private final InboxViewers viewers;

    ThreadAccess(ConversationQueries conversations, Inbox inbox, InboxViewers viewers) {
        this.conversations = conversations;
        this.inbox = inbox;
        this.viewers = viewers;
    }

    /** The conversation and how the member sees it; not found when it is not theirs to open. */
    public Opened open(WorkspaceMember member, UUID conversationId) {
        var mayRead = member.role().allows(Permission.CONVERSATIONS_READ) || member.role().allows(Permission.ANALYTICS_VIEW);
        if (!mayRead) {
            throw Refusal.notFound("conversation " + conversationId);
        }
        inbox.get(viewers.of(member), conversationId);
        var conversation = conversations.conversation(member.workspaceId(), conversationId);
        return new Opened(conversation, member.role().allows(Permission.CONVERSATIONS_READ) ? View.CONTENT : View.METADATA);
    }

    /** An opened conversation and what of it the caller sees. */
    public record Opened(Conversation conversation, View view) {

        public boolean content() {
            return view == View.CONTENT;
        }
    }
}
