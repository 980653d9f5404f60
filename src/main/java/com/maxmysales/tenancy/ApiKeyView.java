package com.maxmysales.tenancy;

import java.time.Instant;
import java.util.UUID;

import com.maxmysales.platform.Cursor;

/** What is shown of an API key after its creation: never the key, only the last characters as a hint. */
public record ApiKeyView(UUID id, String name, String hint, Role role, Instant createdAt, Instant lastUsedAt,
        Instant revokedAt) {

    public boolean active() {
        return revokedAt == null;
    }

    Cursor cursor() {
        return new Cursor(createdAt, id);
    }
}
