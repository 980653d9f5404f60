/**
 * The HTTP edge of the platform: where a {@link com.maxmysales.platform.Refusal} becomes a status and an RFC 9457
 * document ({@link com.maxmysales.platform.api.Problems}), request ids, idempotent POSTs and body limits.
 */
@org.springframework.modulith.NamedInterface("api")
@org.jspecify.annotations.NullMarked
package com.maxmysales.platform.api;
