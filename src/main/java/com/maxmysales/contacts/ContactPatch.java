package com.maxmysales.contacts;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Changes to a contact: a null field stays as it is; an empty name or email clears it; an attribute set to
 * null is removed; tags, when given, replace the contact's tags.
 */
public record ContactPatch(@Nullable String phone, @Nullable String name, @Nullable String email,
        @Nullable Map<String, @Nullable Object> attributes, @Nullable List<String> tags) {
}
