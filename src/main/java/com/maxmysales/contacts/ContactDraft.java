package com.maxmysales.contacts;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A contact as a business supplies it (API, bulk, import). The phone may be written any way a person
 * writes it; it is read in the workspace's default region.
 */
public record ContactDraft(@Nullable String phone, @Nullable String name, @Nullable String email,
        Map<String, Object> attributes, List<String> tags) {

    public ContactDraft {
        attributes = attributes == null ? Map.of() : attributes;
        tags = tags == null ? List.of() : tags;
    }
}
