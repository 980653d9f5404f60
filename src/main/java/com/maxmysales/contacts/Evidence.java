package com.maxmysales.contacts;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * What proves a grant or a withdrawal; any part may be absent.
 *
 * @param messageId the WhatsApp message (ours) that carried a keyword or failed with 131050
 * @param emailId the Message-ID of an "Unsubscribe" email
 * @param file the imported file's name, with {@code row} its spreadsheet row (the header is row 1)
 * @param basis how the business says it obtained consent, in its own words
 * @param detail anything else worth keeping: the keyword matched, the agent who clicked
 */
public record Evidence(@Nullable UUID messageId, @Nullable String emailId, @Nullable String file, @Nullable Long row,
        @Nullable String basis, @Nullable String detail) {

    public static Evidence ofMessage(UUID messageId, String detail) {
        return new Evidence(messageId, null, null, null, null, detail);
    }

    public static Evidence ofEmail(@Nullable String emailId, String detail) {
        return new Evidence(null, emailId, null, null, null, detail);
    }

    public static Evidence ofImport(String file, long row, @Nullable String basis) {
        return new Evidence(null, null, file, row, basis, null);
    }

    public static Evidence of(String detail) {
        return new Evidence(null, null, null, null, null, detail);
    }
}
