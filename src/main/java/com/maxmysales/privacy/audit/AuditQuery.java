package com.maxmysales.privacy.audit;

import java.time.Instant;

/**
 * Filters of an audit search; {@code null} or blank ones are not applied.
 *
 * @param action an action or its prefix, e.g. {@code contact.} or {@code privacy.erasure}
 * @param actor exactly, e.g. {@code user:<uuid>}
 * @param subject a part of the subject, e.g. a contact id
 */
public record AuditQuery(String action, String actor, String subject, Instant from, Instant to) {
}
