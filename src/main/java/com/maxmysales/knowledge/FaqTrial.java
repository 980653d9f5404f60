package com.maxmysales.knowledge;

import java.util.Optional;

/**
 * What the FAQ makes of a question: the closest entry whatever its score, and whether it is close enough to be
 * answered (the bot abstains otherwise).
 */
public record FaqTrial(Optional<FaqAnswer> closest, boolean answered) {
}
