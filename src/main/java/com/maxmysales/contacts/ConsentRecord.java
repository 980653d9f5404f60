package com.maxmysales.contacts;

import java.time.Instant;

/** An entry of the ledger as read back, evidence decrypted. */
public record ConsentRecord(long id, Purpose purpose, ConsentStatus status, ConsentSource source, Instant occurredAt,
        Instant recordedAt, String noticeVersion, Evidence evidence) {
}
