package com.maxmysales.privacy.retention;

import java.time.Instant;
import java.util.UUID;

/**
 * A record kept from every purge and erasure until released (P4).
 *
 * @param recordType {@code contact} or {@code conversation}
 * @param placedBy an actor id, e.g. {@code user:<uuid>}
 */
public record LegalHold(UUID id, String recordType, UUID recordId, String reason, String placedBy, Instant placedAt,
        String releasedBy, Instant releasedAt) {

    public boolean active() {
        return releasedAt == null;
    }
}
