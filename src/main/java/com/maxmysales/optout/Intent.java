package com.maxmysales.optout;

/**
 * What a customer's message asks for, if anything.
 *
 * @param kind {@code LIKELY_STOP}: maybe an opt-out, maybe not; the customer is asked
 * @param how {@code keyword}, {@code button}, {@code phrase}, {@code sign} (a lone stop sign), {@code similar} (the
 *            embedding model's reading) or {@code question} (the answer to the question a likely stop got)
 * @param matched the word, payload or sentence pattern that matched, kept as evidence
 * @param language the language of the match, which the confirmation is written in
 */
record Intent(Kind kind, String how, String matched, String language) {

    enum Kind { STOP, START, LIKELY_STOP }

    static Intent stop(String how, String matched, String language) {
        return new Intent(Kind.STOP, how, matched, language);
    }

    static Intent start(String how, String matched, String language) {
        return new Intent(Kind.START, how, matched, language);
    }

    static Intent likelyStop(String how, String matched, String language) {
        return new Intent(Kind.LIKELY_STOP, how, matched, language);
    }
}
