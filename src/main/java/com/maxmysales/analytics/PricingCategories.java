package com.maxmysales.analytics;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/** Meta's pricing categories as stored: lower-case letters and underscores, or nothing. */
final class PricingCategories {

    private PricingCategories() {
    }

    static @Nullable String normalised(@Nullable String category) {
        if (category == null) {
            return null;
        }
        var code = category.strip().toLowerCase(Locale.ROOT);
        return code.matches("[a-z_]{1,32}") ? code : null;
    }
}
