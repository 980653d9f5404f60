package com.maxmysales.compliance;

import java.time.Instant;
import java.util.List;

import com.maxmysales.shared.ContactId;

import org.jspecify.annotations.Nullable;

/**
 * One person a breach affects: the contact, which of their data was exposed, and whether their notice went out.
 *
 * @param channel how the notice went: {@code whatsapp}, {@code email} or {@code other}
 */
public record AffectedPerson(ContactId contact, List<String> categories, @Nullable Instant notifiedAt,
        @Nullable String channel) {
}
