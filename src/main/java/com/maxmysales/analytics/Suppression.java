package com.maxmysales.analytics;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The small-count rule: a count per agent, lead source, form, opt-out channel or intent (per day or over the range)
 * under {@code maxmysales.analytics.suppress-below} (5) is shown as null, and so is any rate or time computed from
 * one, because so few could single out a person. Zero is shown: it singles out nobody.
 */
@Component
class Suppression {

    private final int below;

    Suppression(AnalyticsSettings settings) {
        this.below = settings.suppressBelow();
    }

    @Nullable Integer count(long count) {
        return count == 0 || count >= below ? Math.toIntExact(count) : null;
    }

    boolean enough(long count) {
        return count >= below;
    }
}
