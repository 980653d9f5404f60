package com.maxmysales.contacts;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * What someone did that opts a person out or back in: how it reached us, when, its proof, and the key that makes
 * the act count once however often it is delivered.
 *
 * @param occurredAt when the person acted (their message's or email's time); null: now
 * @param dedupeKey names the act (e.g. {@code "message:<id>"}): recording it again changes nothing
 */
public record ConsentAct(ConsentSource source, @Nullable Instant occurredAt, Evidence evidence, String dedupeKey) {
}
