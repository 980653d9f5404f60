package com.maxmysales.knowledge;

/** A text as the matchers compare it: its matching form, the embedding of that form and its character trigrams. */
record Query(String text, float[] vector, CharGrams grams) {

    static Query of(String text, float[] vector) {
        return new Query(text, vector, CharGrams.of(text));
    }

    /** Embedding and trigram similarities blended: {@code lexical} is the share of the trigrams. */
    double similarity(Query other, double lexical) {
        return (1 - lexical) * Vectors.dot(vector, other.vector) + lexical * grams.dot(other.grams);
    }
}
