package com.maxmysales.campaigns;

import java.util.Locale;

/** Why a contact of the audience gets no message, recorded on its recipient row. */
public enum Exclusion {
    /** Erased at the person's request: never added back (a CSV audience only; erased contacts are gone otherwise). */
    ERASED("erased"),
    /** No phone number to send to. */
    NO_PHONE("no phone number"),
    /** Another contact of the audience has the same number: one message per phone. */
    DUPLICATE_PHONE("duplicate phone"),
    /** Came from a lead form and has not granted marketing (P2). */
    LEAD_RESTRICTED("lead-restricted"),
    /** A minor ({@code contacts.Minors}): no marketing to children. */
    MINOR("a minor"),
    /** Withdrew marketing consent. */
    OPTED_OUT("opted out"),
    /** Never granted marketing. */
    NO_CONSENT("no marketing consent"),
    /** Got the workspace's maximum of marketing messages within its period already. */
    FREQUENCY_CAP("frequency cap");

    private final String words;

    Exclusion(String words) {
        this.words = words;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public String words() {
        return words;
    }

    public static Exclusion fromCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
