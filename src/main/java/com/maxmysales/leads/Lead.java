package com.maxmysales.leads;

import java.time.Instant;
import java.util.UUID;

/**
 * A lead as the business sees it.
 *
 * @param externalId Google's {@code lead_id} or Meta's leadgen id
 * @param stage {@code fetching} (a Meta lead not yet read), {@code received}, {@code processed}, {@code fetch_failed}
 * @param answers null in lists and once the content retention removed them
 */
public record Lead(UUID id, UUID sourceId, String sourceType, String externalId, String formId, String campaignId,
        String campaignName, String adId, String adgroupId, boolean test, Instant submittedAt, Instant receivedAt,
        String stage, UUID contactId, Answers answers, FollowUp followUp) {

    /**
     * @param status {@code none} (no rule), {@code test}, {@code pending}, {@code queued}, {@code sent},
     *               {@code delivered}, {@code read}, {@code failed}, {@code unreachable} (no number WhatsApp can
     *               reach), {@code refused} (no consent, erased person, no number connected...)
     * @param detail why it is unreachable, refused or failed
     */
    public record FollowUp(String status, UUID messageId, UUID conversationId, UUID assigneeId, Instant dueAt,
            Instant sentAt, Integer errorCode, String detail) {}
}
