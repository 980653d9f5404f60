package com.maxmysales.whatsapp;

/** What became of one Graph send call. */
public sealed interface SendOutcome {

    /** Meta accepted the message; delivery is reported later by status webhooks. */
    record Accepted(String wamid, String messageStatus) implements SendOutcome {}

    /** Meta refused it, or could not be reached: {@code retry} says whether and when to try again. */
    record Refused(WhatsAppError error, RetryAdvice retry) implements SendOutcome {}

    /**
     * The request left but no answer came (a timeout after the request was sent, a connection lost mid-call):
     * Meta may have the message. Only Meta's status webhook can tell; sending again could deliver it twice.
     */
    record Unknown(String detail) implements SendOutcome {}
}
