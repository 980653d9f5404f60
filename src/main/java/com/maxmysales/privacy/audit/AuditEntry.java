package com.maxmysales.privacy.audit;

import java.time.Instant;
import java.util.UUID;

/**
 * One row of the audit log. Every field is an id, a hash, a code or a count: the log outlives erasures by
 * years and must not keep who a person was.
 *
 * @param workspace {@code null} for the operator's and the platform's own actions
 * @param subject what was acted on, e.g. {@code contactId=<uuid>} or {@code phone-hash=<hex>}
 * @param detail codes and counts, e.g. {@code status=200} or {@code messages=12}
 */
public record AuditEntry(long seq, UUID workspace, Instant occurredAt, String actor, String action, String subject,
        String detail) {
}
