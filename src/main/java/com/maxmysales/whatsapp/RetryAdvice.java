package com.maxmysales.whatsapp;

import java.util.Set;

/**
 * How to treat a refused send, by Meta's error code (never by HTTP status or wording, which Meta does
 * not keep stable). Codes are from Meta's error table; our policy follows its "possible solutions".
 */
public enum RetryAdvice {
    /** Throughput or a passing fault: try again after a short backoff. */
    SOON,
    /** Too many messages to this one user: back off for this recipient only. */
    RECIPIENT_BACKOFF,
    /** Meta held back a marketing message (131049): not before 24 hours. */
    AFTER_24_HOURS,
    /** Sending again cannot succeed. */
    NEVER;

    private static final Set<Integer> SOON_CODES = Set.of(1, 2, 4, 80007, 130429, 131000, 131016, 131057,
            LocalFailure.TIMEOUT.code(), LocalFailure.NETWORK.code(), LocalFailure.SERVER_ERROR.code());

    public static RetryAdvice forCode(int code) {
        if (SOON_CODES.contains(code)) {
            return SOON;
        }
        if (code == 131056) {
            return RECIPIENT_BACKOFF;
        }
        if (code == 131049) {
            return AFTER_24_HOURS;
        }
        return NEVER;
    }
}
