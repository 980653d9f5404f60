package com.maxmysales.privacy.notice;

import java.time.LocalDate;

/** What the privacy-notice page renders: the operator's facts for the version in force. */
public record PrivacyNotice(String version, LocalDate effectiveFrom, String operatorName, String contactEmail,
        String optOutEmail, String grievanceOfficerName, String grievanceOfficerEmail, String jurisdiction,
        long contentRetentionDays, long trafficMetadataRetentionDays, long auditRetentionYears) {
}
