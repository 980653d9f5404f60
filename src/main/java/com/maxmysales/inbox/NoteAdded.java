package com.maxmysales.inbox;

import java.util.UUID;

import com.maxmysales.shared.WorkspaceId;

/** An internal note was added to a conversation; the live events relay it as {@code note.added}. */
public record NoteAdded(WorkspaceId workspaceId, UUID conversationId, UUID noteId) {
}
