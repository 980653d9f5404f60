package com.maxmysales.privacy.notice;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The operator's own facts that the privacy notice states. Publishing a new {@code version} asks every
 * business user to read and accept it again; earlier versions stay listed.
 */
@Validated
@ConfigurationProperties("maxmysales.privacy.notice")
public record PrivacyNoticeSettings(
        @NotBlank @DefaultValue("2026-11-01") String version,
        @NotNull @DefaultValue("2026-11-01") LocalDate effectiveFrom,
        @NotBlank @DefaultValue("MaxMySales") String operatorName,
        @NotBlank @DefaultValue("privacy@maxmysales.local") String contactEmail,
        @NotBlank @DefaultValue("unsubscribe@maxmysales.local") String optOutEmail,
        @NotBlank @DefaultValue("Grievance Officer") String grievanceOfficerName,
        @NotBlank @DefaultValue("grievance@maxmysales.local") String grievanceOfficerEmail,
        @NotBlank @DefaultValue("India") String jurisdiction) {
}
