package com.maxmysales.contacts;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * The answer to "may purpose P go to contact C now?".
 *
 * @param refusal null when allowed; else a stable cause such as {@code recipient-opted-out}
 * @param since when the deciding entry occurred (the withdrawal), if there is one
 */
public record SendPermission(@Nullable String refusal, @Nullable String detail, @Nullable ConsentSource source,
        @Nullable Instant since) {

    public static final String OPTED_OUT = "recipient-opted-out";
    public static final String NO_CONSENT = "no-consent-recorded";

    static final SendPermission ALLOWED = new SendPermission(null, null, null, null);

    public boolean allowed() {
        return refusal == null;
    }
}
