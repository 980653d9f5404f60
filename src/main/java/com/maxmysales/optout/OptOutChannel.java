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

    /**
     * The channel of a withdrawal in the consent ledger, so that the compliance report, the dashboard and the
     * analytics name one opt-out alike; a source that is no person's own request (an agent, the API, an import)
     * keeps its own code.
     */
    public static String ofConsentSource(String source) {
        return switch (source) {
            case "whatsapp_keyword" -> KEYWORD.code();
            case "whatsapp_sentence" -> SENTENCE.code();
            case "button" -> BUTTON.code();
            case "meta_user_preferences", "error_131050" -> META.code();
            case "email" -> EMAIL.code();
            default -> source;
        };
    }

    /** Withdrawals per consent source as withdrawals per channel. */
    public static java.util.Map<String, Long> ofConsentSources(java.util.Map<String, Long> bySource) {
        var byChannel = new java.util.TreeMap<String, Long>();
        bySource.forEach((source, count) -> byChannel.merge(ofConsentSource(source), count, Long::sum));
        return byChannel;
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
