package com.maxmysales.tenancy;

import java.time.Instant;
import java.util.UUID;

import com.maxmysales.platform.Cursor;

/** A business user as their team sees them (removed members are no longer part of it). */
public record Member(UUID id, String email, String displayName, Role role, MemberStatus status, Instant createdAt) {

    public boolean active() {
        return status == MemberStatus.ACTIVE;
    }

    Cursor cursor() {
        return new Cursor(createdAt, id);
    }
}
