package com.maxmysales.whatsapp;

/** What became of one Graph send call. */
public sealed interface SendOutcome {

    /** Meta accepted the message; delivery is reported later by status webhooks. */
    record Accepted(String wamid, String messageStatus) implements SendOutcome {}

    /** Meta refused it, or could not be reached: {@code retry} says whether and when to try again. */
    record Refused(WhatsAppError error, RetryAdvice retry) implements SendOutcome {}
}
