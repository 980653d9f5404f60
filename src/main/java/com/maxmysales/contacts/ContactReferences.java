package com.maxmysales.contacts;

import java.util.List;
import java.util.UUID;

import com.maxmysales.shared.ContactId;
import com.maxmysales.shared.WorkspaceId;

/**
 * Implemented by every module whose rows name a contact, so that a merge of two contacts moves them to the one
 * that survives, and an undo moves them back, while contacts depends on none of those modules. Both run inside
 * the merge's (or the undo's) transaction.
 */
public interface ContactReferences {

    /** What moves, e.g. "conversations": the key its ids are kept under in the merge record. */
    String kind();

    /** Moves this kind's rows from one contact to the other. @return the ids of the rows that moved */
    List<UUID> move(WorkspaceId workspace, ContactId from, ContactId to);

    /** Moves the given rows, which {@link #move} moved from {@code from} to {@code to}, back. */
    void moveBack(WorkspaceId workspace, List<UUID> ids, ContactId from, ContactId to);
}
