package com.maxmysales.inbox;

import java.util.UUID;

import com.maxmysales.shared.WorkspaceId;

/** An agent added an internal note to a conversation (ids only: the note's text is personal data). */
public record NoteAdded(WorkspaceId workspaceId, UUID conversationId, UUID noteId) {}
