package com.maxmysales.compliance;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * The draft of the detailed report to the Data Protection Board, in the parts the DPDP Rules ask for, and the notice
 * each affected person gets, in plain language. Drafts: the business reads, completes and files them.
 *
 * @param to whom the report goes
 * @param nature what happened and which data
 * @param extent how many people, per category of data
 * @param timing when it happened, when it was found, when it was recorded
 * @param likelyImpact what the people may suffer ("to be assessed" until the business says)
 * @param measures what was done to contain it and to prevent it ("to be completed" until the business says)
 * @param contact who answers for the business
 * @param operatorContact whether that is the platform operator's contact, the workspace having set none of its own
 */
public record BreachReport(UUID breachId, String workspace, String to, String nature, String extent,
        Map<String, Long> affectedPerCategory, String timing, String likelyImpact, String measures, String contact,
        boolean operatorContact, Instant reportDueAt, @Nullable Instant reportFiledAt, PersonNotice personNotice) {

    /** The notice to one affected person: the same text for each, by WhatsApp template or email. */
    public record PersonNotice(String subject, String text) {}
}
