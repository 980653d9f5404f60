package com.maxmysales.knowledge;

import org.jspecify.annotations.Nullable;

/**
 * A customer's message embedded once ({@link FaqAnswers#embed}), for the intent classifier and the FAQ both:
 * the embedding is most of the CPU either spends on a message, and the bot asks both. Opaque outside this module.
 */
public final class EmbeddedText {

    private final String text;
    /** Null for a blank text: nothing to classify or answer. */
    private final @Nullable Query query;

    EmbeddedText(String text, @Nullable Query query) {
        this.text = text;
        this.query = query;
    }

    public String text() {
        return text;
    }

    @Nullable Query query() {
        return query;
    }
}
