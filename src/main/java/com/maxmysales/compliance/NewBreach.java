package com.maxmysales.compliance;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A breach as the business (or the operator) records it.
 *
 * @param exposedFrom the start of the window in which the data was exposed
 * @param dataCategories what was exposed, as the data inventory names it ({@code contacts}, {@code messages}...)
 * @param likelyImpact what the people affected may suffer, for the report (optional, can be added later)
 * @param measures what was done to contain it and to prevent it, for the report (optional)
 */
public record NewBreach(@Nullable Instant detectedAt, @Nullable String description, @Nullable Instant exposedFrom,
        @Nullable Instant exposedTo, @Nullable List<String> dataCategories, @Nullable String likelyImpact,
        @Nullable String measures) {
}
