package com.maxmysales.contacts;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One entry to append to a contact's consent ledger.
 *
 * @param occurredAt when the person acted (their message's or email's time); the ledger also records when
 *                   we took effect, and the difference is the opt-out processing time (P-report); null: now
 * @param dedupeKey names the fact (e.g. {@code "message:<id>"}): recording it again changes nothing
 */
public record ConsentChange(Purpose purpose, ConsentStatus status, ConsentSource source, @Nullable Instant occurredAt,
        @Nullable String noticeVersion, @Nullable Evidence evidence, @Nullable String dedupeKey) {

    public static ConsentChange withdrawal(Purpose purpose, ConsentSource source, @Nullable Instant occurredAt,
            @Nullable Evidence evidence, @Nullable String dedupeKey) {
        return new ConsentChange(purpose, ConsentStatus.WITHDRAWN, source, occurredAt, null, evidence, dedupeKey);
    }

    public static ConsentChange grant(Purpose purpose, ConsentSource source, @Nullable Instant occurredAt,
            @Nullable String noticeVersion, @Nullable Evidence evidence, @Nullable String dedupeKey) {
        return new ConsentChange(purpose, ConsentStatus.GRANTED, source, occurredAt, noticeVersion, evidence, dedupeKey);
    }
}
