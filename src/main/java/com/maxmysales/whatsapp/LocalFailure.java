package com.maxmysales.whatsapp;

import java.util.Arrays;
import java.util.Optional;

/**
 * The platform's own reasons a send failed or waits, as error codes outside Meta's range (Meta's are positive),
 * so that a message's {@code errorCode} names either Meta's error or one of these, never something in between.
 * The first three are the Graph call's (this module's); the rest are the send path's (messaging's).
 */
public enum LocalFailure {
    /** Meta could not be reached in time before the request left: nothing was sent, so it is tried again. */
    TIMEOUT(-1),
    /** Meta could not be reached at all (refused connection, unknown host): tried again. */
    NETWORK(-2),
    /** Meta answered 5xx without an error code: tried again. */
    SERVER_ERROR(-3),
    /**
     * The request may have reached Meta but no answer came (the platform stopped mid-send, or the Graph call timed
     * out after the request left), and no status webhook of Meta's settled it within the grace period: reported
     * failed, never sent again. A later status from Meta still moves it forward.
     */
    UNKNOWN_OUTCOME(-4),
    /** The recipient withdrew consent for the message's purpose while it waited: it never left. */
    CONSENT_WITHDRAWN(-5),
    /** The contact has no phone number to send to (known only by their WhatsApp username). */
    NO_PHONE(-6);

    private final int code;

    LocalFailure(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static Optional<LocalFailure> ofCode(int code) {
        return Arrays.stream(values()).filter(failure -> failure.code == code).findFirst();
    }
}
