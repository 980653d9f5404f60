package com.maxmysales.contacts;

import java.util.List;
import java.util.Map;

/**
 * How to read an uploaded file: which column holds what, and the consent it records.
 *
 * @param mapping column names of the file for each field; only {@code phone} is required
 * @param purpose the purpose each row's consent is granted for (default marketing)
 * @param defaultConsentBasis how the business obtained consent, for rows whose basis column is empty; with
 *                            neither, a row is refused ("missing consent basis")
 * @param noticeVersion the privacy notice version the people were shown, recorded with each grant
 * @param tags added to every imported contact
 */
public record ImportSettings(Mapping mapping, String purpose, String defaultConsentBasis, String noticeVersion,
        List<String> tags) {

    public record Mapping(String phone, String name, String email, String tags, String consentBasis,
            Map<String, String> attributes) {

        public Mapping {
            attributes = attributes == null ? Map.of() : attributes;
        }
    }

    public ImportSettings {
        purpose = purpose == null || purpose.isBlank() ? Purpose.MARKETING.code() : purpose;
        tags = tags == null ? List.of() : tags;
    }
}
