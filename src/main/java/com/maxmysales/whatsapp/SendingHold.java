package com.maxmysales.whatsapp;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Meta holds a number's sending: a ban or a deleted account holds {@link Scope#ALL} of it, a restriction of
 * business-initiated messaging only what the business starts (replies in a customer's open window still go).
 *
 * @param reason what Meta said, for the API and the owners
 * @param until when Meta lifts it by itself; null until Meta says otherwise
 */
public record SendingHold(Scope scope, Cause cause, String reason, Instant since, @Nullable Instant until) {

    public enum Scope { ALL, BUSINESS_INITIATED }

    /** A restriction's end never lifts a ban. */
    public enum Cause { BAN, RESTRICTION, DELETED }

    public boolean activeAt(Instant now) {
        return until == null || until.isAfter(now);
    }
}
