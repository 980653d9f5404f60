package com.maxmysales.optout;

/**
 * What a customer's message asks for, if anything.
 *
 * @param how {@code keyword}, {@code button} or {@code phrase}
 * @param matched the word, payload or sentence pattern that matched, kept as evidence
 * @param language the language of the match, which the confirmation is written in
 */
record Intent(Kind kind, String how, String matched, String language) {

    enum Kind { STOP, START }

    static Intent stop(String how, String matched, String language) {
        return new Intent(Kind.STOP, how, matched, language);
    }

    static Intent start(String how, String matched, String language) {
        return new Intent(Kind.START, how, matched, language);
    }
}
