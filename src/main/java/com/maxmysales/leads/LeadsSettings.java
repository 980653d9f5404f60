package com.maxmysales.leads;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param workers threads per node taking leads in and following them up
 * @param fetchAttempts reads of a Meta lead before it is given up as {@code fetch_failed}
 * @param retryDelay the wait before the second read, doubled before each next one (with jitter), at most an hour
 * @param backfillInterval how often every Meta form is read for leads whose webhook never came (Meta retries
 *                         webhooks for 36 hours only)
 * @param backfillOverlap how far before the newest lead already seen a backfill starts, for clock skew and late writes
 * @param webhookMaxBytes larger lead webhooks are refused
 * @param allowCustomGoogleKeys whether a Google lead source may use a key its creator chose (at least 32
 *                              characters) instead of a generated one
 */
@Validated
@ConfigurationProperties("maxmysales.leads")
public record LeadsSettings(
        @DefaultValue("4") @Min(1) @Max(64) int workers,
        @DefaultValue("8") @Min(1) int fetchAttempts,
        @DefaultValue("PT5S") Duration retryDelay,
        @DefaultValue("PT15M") Duration backfillInterval,
        @DefaultValue("PT1H") Duration backfillOverlap,
        @DefaultValue("1048576") int webhookMaxBytes,
        @DefaultValue("false") boolean allowCustomGoogleKeys) {
}
