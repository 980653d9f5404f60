package com.maxmysales.tenancy;

import java.time.Instant;
import java.util.UUID;

import com.maxmysales.platform.Cursor;

/** A business user as their team sees them. */
public record Member(UUID id, String email, String displayName, Role role, Instant createdAt) {

    Cursor cursor() {
        return new Cursor(createdAt, id);
    }
}
