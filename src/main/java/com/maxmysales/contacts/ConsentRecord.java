package com.maxmysales.contacts;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** An entry of the ledger as read back, evidence decrypted. */
public record ConsentRecord(long id, Purpose purpose, ConsentStatus status, ConsentSource source, Instant occurredAt,
        Instant recordedAt, @Nullable String noticeVersion, @Nullable Evidence evidence) {
}
