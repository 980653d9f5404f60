package com.maxmysales.messaging;

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

    public Message message(WorkspaceId workspace, UUID id) {
        return messages.find(workspace, id).map(cipher::open).orElseThrow(() -> Refusal.notFound("message " + id));
    }
}
