/**
 * The privacy policy as code: field encryption under per-workspace keys and blind indexes, sensitive-data
 * masking of inbound text, retention classes with legal holds and the auto-purge, data-principal requests, the
 * hash-chained audit log, the operator's versioned privacy notice and its acceptances, and cookie consent.
 * <p>
 * One concern per sub-package; other modules see only the types marked with a named interface ({@code crypto},
 * {@code masking}, {@code audit}, {@code requests}, {@code notice}) and {@code spi}, which they implement.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "platform" })
@org.jspecify.annotations.NullMarked
package com.maxmysales.privacy;
