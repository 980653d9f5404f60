package com.maxmysales.compliance;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Personal data the business gave to an authority (P3: "only if legally required").
 *
 * @param recipient who asked (a court, the police, a regulator) and received it
 * @param legalBasis the law or order that required it
 * @param dataGiven what was given; it may name people, so it is stored encrypted
 * @param reference the order's or the request's number
 */
public record Disclosure(UUID id, String recipient, String legalBasis, String dataGiven, Instant disclosedAt,
        @Nullable String reference, Instant recordedAt, String recordedBy) {
}
