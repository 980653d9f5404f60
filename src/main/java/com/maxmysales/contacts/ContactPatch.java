package com.maxmysales.contacts;

import java.util.List;
import java.util.Map;

/**
 * Changes to a contact: a null field stays as it is; an empty name or email clears it; an attribute set to
 * null is removed; tags, when given, replace the contact's tags.
 */
public record ContactPatch(String phone, String name, String email, Map<String, Object> attributes, List<String> tags) {
}
