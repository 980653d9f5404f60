package com.maxmysales.inbox;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import com.maxmysales.contacts.ContactDirectory;
import com.maxmysales.messaging.ConversationQueries;
import com.maxmysales.messaging.Message;
import com.maxmysales.platform.Refusal;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON of a live event, shaped like the outbound webhooks' bodies ({@code event}, {@code workspaceId}, then the
 * message or conversation), always with {@code conversationId} so a page refreshes the right part. Read once per node
 * and event, then cut to what each viewer may see: no text, name or phone for a viewer without content; only the
 * ids of a conversation update for one who may not see the conversation (their list drops it).
 */
@Component
class InboxEventBodies {

    /** An event's JSON per kind of viewer. */
    record Body(@Nullable UUID assignee, String full, String withoutContent, @Nullable String idsOnly) {
        @Nullable String forViewer(Viewer viewer) {
            if (!viewer.sees(assignee)) {
                return idsOnly;
            }
            return viewer.readsContent() ? full : withoutContent;
        }
    }

    private final InboxRows rows;
    private final ConversationQueries messages;
    private final ContactDirectory contacts;
    private final JsonMapper json;

    InboxEventBodies(InboxRows rows, ConversationQueries messages, ContactDirectory contacts, JsonMapper json) {
        this.rows = rows;
        this.messages = messages;
        this.contacts = contacts;
        this.json = json;
    }

    /** @return null when what the event is about is gone (erased or purged since) */
    @Nullable Body of(InboxEvent event) {
        try {
            return switch (event.type()) {
                case InboxEvent.MESSAGE_RECEIVED, InboxEvent.MESSAGE_STATUS -> message(event);
                case InboxEvent.CONVERSATION_UPDATED -> conversation(event);
                case InboxEvent.NOTE_ADDED -> note(event);
                default -> null;
            };
        } catch (Refusal gone) {
            return null;
        }
    }

    private @Nullable Body message(InboxEvent event) {
        var message = messages.message(event.workspaceId(), event.subjectId());
        var conversation = rows.find(event.workspaceId(), message.conversationId()).orElse(null);
        if (conversation == null) {
            return null;
        }
        Function<Boolean, String> write = content -> {
            var body = envelope(event, message.conversationId());
            var fields = new LinkedHashMap<String, Object>();
            fields.put("id", message.id().toString());
            fields.put("conversationId", message.conversationId().toString());
            fields.put("contactId", message.contactId().toString());
            fields.put("direction", message.direction());
            fields.put("type", message.type());
            if (content) {
                fields.put("text", message.text());
                fields.put("wamid", message.wamid());
            }
            fields.put("status", message.status().apiCode());
            fields.put("errorCode", message.errorCode());
            fields.put("createdAt", message.createdAt().toString());
            if (content && InboxEvent.MESSAGE_RECEIVED.equals(event.type())) {
                var contact = contacts.get(event.workspaceId(), message.contactId());
                fields.put("from", contact.phone() == null ? null : contact.phone().e164());
                fields.put("profileName", contact.name());
            }
            body.put("message", fields);
            return json.writeValueAsString(body);
        };
        return new Body(conversation.assigneeId(), write.apply(true), write.apply(false), null);
    }

    private @Nullable Body conversation(InboxEvent event) {
        var conversation = rows.find(event.workspaceId(), event.conversationId()).orElse(null);
        if (conversation == null) {
            return null;
        }
        var body = envelope(event, conversation.id());
        var idsOnly = json.writeValueAsString(body);
        var fields = new LinkedHashMap<String, Object>();
        fields.put("id", conversation.id().toString());
        fields.put("contactId", conversation.contactId().toString());
        fields.put("channelId", conversation.channelId().toString());
        fields.put("status", conversation.status().code());
        fields.put("snoozedUntil", conversation.snoozedUntil() == null ? null : conversation.snoozedUntil().toString());
        fields.put("assigneeId", conversation.assigneeId() == null ? null : conversation.assigneeId().toString());
        fields.put("labels", conversation.labels());
        fields.put("unread", conversation.unread());
        fields.put("lastMessageAt", conversation.lastMessageAt().toString());
        body.put("conversation", fields);
        var full = json.writeValueAsString(body);
        return new Body(conversation.assigneeId(), full, full, idsOnly);
    }

    private @Nullable Body note(InboxEvent event) {
        var conversation = rows.find(event.workspaceId(), event.conversationId()).orElse(null);
        if (conversation == null) {
            return null;
        }
        var body = envelope(event, conversation.id());
        body.put("noteId", String.valueOf(event.subjectId()));
        var written = json.writeValueAsString(body);
        return new Body(conversation.assigneeId(), written, written, null);
    }

    private static Map<String, Object> envelope(InboxEvent event, UUID conversation) {
        var body = new LinkedHashMap<String, Object>();
        body.put("event", event.type());
        body.put("workspaceId", event.workspaceId().toString());
        body.put("conversationId", conversation.toString());
        return body;
    }
}
