package com.maxmysales.privacy.retention;

import java.time.Duration;

import jakarta.validation.constraints.AssertTrue;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How long each class of data lives (P4).
 *
 * @param content message text, media and lead answers, after their conversation ends: 30 days at most
 * @param trafficMetadata who messaged whom, when and with what status, without content
 * @param audit audit records
 */
@Validated
@ConfigurationProperties("maxmysales.privacy.retention")
public record RetentionSettings(
        @DefaultValue("P30D") Duration content,
        @DefaultValue("P365D") Duration trafficMetadata,
        @DefaultValue("P2557D") Duration audit) {

    public static final Duration MAX_CONTENT = Duration.ofDays(30);

    /** The notice promises 30 days; a configuration that keeps content longer must not start. */
    @AssertTrue(message = "maxmysales.privacy.retention.content must be positive and at most P30D")
    public boolean isContentWithinPromise() {
        return !content.isNegative() && !content.isZero() && content.compareTo(MAX_CONTENT) <= 0;
    }
}
