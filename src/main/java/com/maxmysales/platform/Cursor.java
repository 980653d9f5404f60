package com.maxmysales.platform;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** The position after the last row of a page ordered by (time, id) descending, as an opaque token. */
public record Cursor(Instant at, UUID id) {

    private static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    public String encode() {
        var plain = at.toEpochMilli() + "|" + at.getNano() + "|" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /** Decodes a cursor a client sent back; null when it sent none (the first page). */
    public static @Nullable Cursor decode(@Nullable String token) {
        if (token == null || token.isBlank()) {
            return null;
        }
        try {
            var parts = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split("\\|", 3);
            var at = Instant.ofEpochMilli(Long.parseLong(parts[0])).with(java.time.temporal.ChronoField.NANO_OF_SECOND,
                    Long.parseLong(parts[1]));
            // A time no row can have (a forged token) would overflow the database's timestamp, not find a page.
            if (at.isBefore(EARLIEST) || at.isAfter(LATEST)) {
                throw new IllegalArgumentException("out of range");
            }
            return new Cursor(at, UUID.fromString(parts[2]));
        } catch (RuntimeException e) {
            throw Refusal.invalid("invalid-cursor", "Invalid cursor",
                    "cursor must be a value returned as nextCursor by this endpoint");
        }
    }

    /** The first page starts after a position later than any row. */
    public static Cursor orFirst(@Nullable Cursor cursor) {
        return cursor != null ? cursor : new Cursor(LATEST, new UUID(-1L, -1L));
    }
}
