package com.maxmysales.messaging;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.maxmysales.platform.Cursor;
import com.maxmysales.platform.CursorPage;
import com.maxmysales.platform.Refusal;
import com.maxmysales.shared.WorkspaceId;

import org.springframework.stereotype.Service;

/** Reading conversations and messages of a workspace. */
@Service
public class ConversationQueries {

    private final Conversations conversations;
    private final Messages messages;
    private final MessageCipher cipher;

    ConversationQueries(Conversations conversations, Messages messages, MessageCipher cipher) {
        this.conversations = conversations;
        this.messages = messages;
        this.cipher = cipher;
    }

    public CursorPage<Message> messages(WorkspaceId workspace, UUID conversation, String cursor, Integer limit) {
        conversations.find(workspace, conversation).orElseThrow(() -> Refusal.notFound("conversation " + conversation));
        var size = CursorPage.limit(limit);
        return CursorPage.of(messages.page(workspace, conversation, Cursor.decode(cursor), size + 1), size,
                row -> new Cursor(row.createdAt(), row.id()).encode()).map(cipher::open);
    }

    /** One conversation of the workspace; another workspace's id is not found. */
    public Conversation conversation(WorkspaceId workspace, UUID id) {
        return conversations.find(workspace, id).orElseThrow(() -> Refusal.notFound("conversation " + id));
    }

    /**
     * The conversation's messages from the time of {@code cursor} (a message's own cursor) on, oldest first, at most
     * {@code limit}.
     */
    public List<Message> messagesSince(WorkspaceId workspace, UUID conversation, String cursor, int limit) {
        var from = Cursor.decode(cursor);
        if (from == null) {
            return List.of();
        }
        return messages.since(workspace, conversation, from, limit).stream().map(cipher::open).toList();
    }

    /** The cursor of one message, for {@link #messagesSince}. */
    public static String cursorOf(Message message) {
        return new Cursor(message.createdAt(), message.id()).encode();
    }

    /** Messages by their wamids (those a thread's replies quote), as shown. */
    public List<Message> byWamids(WorkspaceId workspace, Collection<String> wamids) {
        return messages.byWamids(workspace, wamids).stream().map(cipher::open).toList();
    }

    /**
     * When Meta's 24-hour customer-service window for free-form replies closes for this conversation's contact on its
     * number, measured from their last message to the number in any conversation; empty when they never wrote.
     */
    public Optional<Instant> serviceWindowClosesAt(WorkspaceId workspace, Conversation conversation) {
        return conversations.lastInbound(workspace, conversation.contactId(), conversation.channelId())
                .map(last -> last.plus(MessagingSettings.SERVICE_WINDOW));
    }

    /**
     * Whether this customer message answers the business rather than opening a conversation: the business wrote
     * first in its conversation (a campaign, a lead's follow-up, an agent's template), or the message answers one of
     * the business's messages from an earlier conversation (its context).
     */
    public boolean answersTheBusiness(WorkspaceId workspace, Message inbound) {
        return messages.answersTheBusiness(workspace, inbound.conversationId(), inbound.createdAt(),
                inbound.replyToWamid());
    }

    public Message message(WorkspaceId workspace, UUID id) {
        return messages.find(workspace, id).map(cipher::open).orElseThrow(() -> Refusal.notFound("message " + id));
    }
}
