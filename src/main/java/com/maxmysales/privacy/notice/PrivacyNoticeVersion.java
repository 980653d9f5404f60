package com.maxmysales.privacy.notice;

import java.time.Instant;
import java.time.LocalDate;

public record PrivacyNoticeVersion(String version, LocalDate effectiveFrom, Instant publishedAt) {
}
