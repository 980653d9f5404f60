package com.maxmysales.messaging;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param conversationIdleTimeout a conversation with no message for this long ends
 * @param dispatchWorkers threads per node claiming due outbound messages
 * @param dispatchBatchSize numbers one claim serves, and messages one number gives a claim, at most
 * @param maxInFlight Graph calls one node keeps open at once
 * @param maxAttempts tries of a retryable failure before the message fails
 * @param claimLease how long a claimed message stays reserved for the node that claimed it
 * @param unknownOutcomeAfter how long a send whose outcome is unknown (interrupted by a crash, or a Graph call that
 *                            got no answer) waits for Meta's status webhook before it is reported failed rather
 *                            than ever sent again
 * @param unknownOutcomeCheck how often sends past that grace period are looked for
 * @param verificationTemplate an approved authentication template that carries privacy-request codes to people
 *                             outside the 24-hour window; without it they are reached only within the window
 * @param verificationTemplateLanguage that template's language code
 */
@ConfigurationProperties("maxmysales.messaging")
public record MessagingSettings(
        @DefaultValue("PT24H") Duration conversationIdleTimeout,
        @DefaultValue("2") int dispatchWorkers,
        @DefaultValue("200") int dispatchBatchSize,
        @DefaultValue("64") int maxInFlight,
        @DefaultValue("10") int maxAttempts,
        @DefaultValue("PT1M") Duration claimLease,
        @DefaultValue("PT1H") Duration unknownOutcomeAfter,
        @DefaultValue("PT30S") Duration unknownOutcomeCheck,
        String verificationTemplate,
        @DefaultValue("en") String verificationTemplateLanguage) {

    /** Meta's customer-service window: free-form messages only within 24 hours of the customer's last one. */
    public static final Duration SERVICE_WINDOW = Duration.ofHours(24);
}
