package com.maxmysales.campaigns;

import org.jspecify.annotations.Nullable;

/**
 * Where a template variable's value comes from: a contact field ({@code name}, {@code phone}, {@code email}) or
 * custom attribute with a fallback for contacts that have none, or one fixed value for everyone.
 */
public record Variable(@Nullable String field, @Nullable String fallback, @Nullable String value) {
}
