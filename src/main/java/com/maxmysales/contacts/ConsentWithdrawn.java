package com.maxmysales.contacts;

import java.time.Instant;

import com.maxmysales.shared.ContactId;
import com.maxmysales.shared.WorkspaceId;

/**
 * The ledger recorded a withdrawal (a STOP, an email, an agent, Meta's own opt-out): published within the
 * transaction that records it, so that what waits to be sent to the person (a campaign's pending send) is taken
 * back with it. Ids only.
 */
public record ConsentWithdrawn(WorkspaceId workspaceId, ContactId contactId, Purpose purpose, Instant occurredAt) {
}
