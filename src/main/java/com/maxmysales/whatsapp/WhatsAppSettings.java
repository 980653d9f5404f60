package com.maxmysales.whatsapp;

import java.time.Duration;
import java.util.List;

import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param appSecret the Meta app secret: the HMAC key of {@code X-Hub-Signature-256}
 * @param previousAppSecrets secrets still accepted while a rotation of the app secret is under way
 * @param verifyToken echoed back in Meta's webhook verification
 * @param graphBaseUrl the Graph API of real numbers and pages, Meta's {@code https://graph.facebook.com} by default
 *        (blank means the same); never the sandbox, which only sandbox numbers and pages talk to
 * @param graphVersion the Graph API version, a path segment such as {@code v25.0}
 * @param webhookMaxBytes Meta sends up to 3 MB per POST; larger bodies are refused
 * @param graphTimeout how long a Graph call may take before it counts as a timeout
 * @param processingWorkers threads per node applying stored webhook events
 * @param processingBatchSize events one worker claims at a time
 * @param statusGathering how long a worker lets delivery statuses gather after a batch that was not full, so that
 *                        a broadcast's statuses are applied a few hundred at a time rather than a few dozen
 * @param allowedGraphBaseUrls other Graph base URLs a channel may name as its own {@code graphBaseUrl} (a proxy,
 *                             a test stub); {@code graphBaseUrl} and Meta's own Graph API are allowed implicitly
 * @param mediaHosts the hosts Meta serves media downloads from (https only); a media URL elsewhere is not fetched
 *                   unless it is on the channel's own Graph API
 * @param mediaDeadline how long one media download or upload may take in all
 */
@Validated
@ConfigurationProperties("maxmysales.whatsapp")
public record WhatsAppSettings(
        @NotBlank String appSecret,
        @DefaultValue List<String> previousAppSecrets,
        @NotBlank String verifyToken,
        @DefaultValue("https://graph.facebook.com") String graphBaseUrl,
        @DefaultValue("v25.0") String graphVersion,
        @DefaultValue("4194304") int webhookMaxBytes,
        @DefaultValue("PT20S") Duration graphTimeout,
        @DefaultValue("4") int processingWorkers,
        @DefaultValue("100") int processingBatchSize,
        @DefaultValue("PT0.25S") Duration statusGathering,
        @DefaultValue List<String> allowedGraphBaseUrls,
        @DefaultValue("lookaside.fbsbx.com") List<String> mediaHosts,
        @DefaultValue("PT5M") Duration mediaDeadline) {
}
