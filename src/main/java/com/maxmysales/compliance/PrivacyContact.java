package com.maxmysales.compliance;

import org.jspecify.annotations.Nullable;

/**
 * Who answers for a business about its people's data: its Data Protection Officer or grievance officer.
 *
 * @param phone optional
 */
public record PrivacyContact(String name, String email, @Nullable String phone) {

    /** As a report and a notice name it: "name, email, phone". */
    public String inWords() {
        return name + ", " + email + (phone == null ? "" : ", " + phone);
    }
}
