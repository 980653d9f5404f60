package com.maxmysales.privacy.spi;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.maxmysales.shared.ContactId;
import com.maxmysales.shared.WorkspaceId;

/**
 * Implemented by the module that owns conversations: whom a conversation is with, so that a legal hold on a
 * conversation keeps its person from erasure and their raw webhook events from the purge.
 */
public interface ConversationSubjects {

    /** The contact each of these conversations of the workspace is with; conversations it does not have are left out. */
    Map<UUID, ContactId> contactsOf(WorkspaceId workspace, Set<UUID> conversations);
}
