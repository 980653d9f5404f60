package com.maxmysales.privacy.requests;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A data-principal request as the business sees it; the person's number, email and words are not part of
 * it, only what was done.
 *
 * @param type access, erasure, correction, grievance or nomination
 * @param status awaiting-verification, open, completed or refused
 * @param requestedBy business (filed for the person, who is known to the business) or person (verified by a code)
 * @param verifyBy for a request from the person: whatsapp or email, where the one-time code went
 * @param summary records found or changed per category, e.g. {@code messages=12}
 * @param refusalReason a code: identity-not-verified, legal-hold, ...
 */
public record PrivacyRequest(UUID id, String type, String status, String requestedBy, String filedBy,
        Instant receivedAt, Instant dueAt, String verifyBy, Instant verifiedAt, Instant completedAt, Map<String, Integer> summary,
        String refusalReason, String refusalDetail, String resolution) {

    public boolean overdue(Instant now) {
        return completedAt == null && now.isAfter(dueAt);
    }
}
