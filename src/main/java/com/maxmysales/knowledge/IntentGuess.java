package com.maxmysales.knowledge;

import org.jspecify.annotations.Nullable;

/**
 * The workspace's intent a message most likely expresses, with a confidence from 0 to 1; {@code intent} is null
 * when no intent is confident enough, so that a caller routes on certainty, never on a guess.
 */
public record IntentGuess(@Nullable String intent, double confidence) {

    static IntentGuess none(double confidence) {
        return new IntentGuess(null, confidence);
    }
}
