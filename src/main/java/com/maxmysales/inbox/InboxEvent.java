package com.maxmysales.inbox;

import java.util.UUID;

import com.maxmysales.shared.WorkspaceId;

import org.jspecify.annotations.Nullable;

/**
 * What crosses nodes through PostgreSQL's NOTIFY: ids only (a notification is no place for personal data, and is
 * limited to 8,000 bytes); each node reads the rest itself.
 *
 * @param conversationId null for a status of a message, whose node of arrival looks it up
 * @param subjectId the message or the note, if the event is about one
 */
record InboxEvent(String type, WorkspaceId workspaceId, @Nullable UUID conversationId, @Nullable UUID subjectId) {

    static final String MESSAGE_RECEIVED = "message.received";
    static final String MESSAGE_STATUS = "message.status";
    static final String CONVERSATION_UPDATED = "conversation.updated";
    static final String NOTE_ADDED = "note.added";

    String encode() {
        return type + "|" + workspaceId.value() + "|" + (conversationId == null ? "" : conversationId) + "|"
                + (subjectId == null ? "" : subjectId);
    }

    /** @throws IllegalArgumentException for a payload not written by {@link #encode()} */
    static InboxEvent decode(String payload) {
        var parts = payload.split("\\|", -1);
        if (parts.length != 4) {
            throw new IllegalArgumentException("not an inbox event: " + payload.length() + " characters");
        }
        return new InboxEvent(parts[0], new WorkspaceId(UUID.fromString(parts[1])), uuid(parts[2]), uuid(parts[3]));
    }

    private static @Nullable UUID uuid(String value) {
        return value.isEmpty() ? null : UUID.fromString(value);
    }
}
