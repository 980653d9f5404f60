package com.maxmysales.optout;

import java.util.Locale;

/** How a person asked to stop, as the analytics count it. */
public enum OptOutChannel {
    /** STOP or one of the workspace's own words on WhatsApp. */
    KEYWORD,
    /** An "unsubscribe" quick-reply button of a template. */
    BUTTON,
    /** A plain sentence asking to stop. */
    SENTENCE,
    /** WhatsApp's own marketing opt-out: a {@code user_preferences} stop or error 131050. */
    META,
    /** An "Unsubscribe" email. */
    EMAIL;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** From the detector's {@code how}: keyword, button or phrase. */
    static OptOutChannel of(String how) {
        return switch (how) {
            case "button" -> BUTTON;
            case "phrase" -> SENTENCE;
            default -> KEYWORD;
        };
    }
}
