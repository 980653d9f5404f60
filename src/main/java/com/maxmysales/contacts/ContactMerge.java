package com.maxmysales.contacts;

import java.time.Instant;
import java.util.UUID;

import com.maxmysales.shared.ContactId;

/**
 * A merge of two contacts found to be one person: ids and times only.
 *
 * @param undoUntil after this instant the merge can no longer be undone (its record is deleted)
 */
public record ContactMerge(UUID id, ContactId survivor, ContactId absorbed, Instant mergedAt, Instant undoUntil) {
}
