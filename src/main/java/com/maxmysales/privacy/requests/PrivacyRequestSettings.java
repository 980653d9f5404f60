package com.maxmysales.privacy.requests;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Data-principal requests (P6).
 *
 * @param deadline how long a workspace has to answer a request (the DPDP Act asks for a reasonable time)
 * @param codeLifetime how long a one-time verification code is valid
 * @param maxCodeAttempts wrong codes after which the request is refused as unverified
 * @param aiProcessors external AI processors personal data may be shared with, as an access request lists
 *        them, e.g. {@code "OpenAI (chatbot answers, redacted text)"}; empty while none is configured
 */
@ConfigurationProperties("maxmysales.privacy.requests")
public record PrivacyRequestSettings(
        @DefaultValue("P30D") Duration deadline,
        @DefaultValue("PT15M") Duration codeLifetime,
        @DefaultValue("5") int maxCodeAttempts,
        @DefaultValue List<String> aiProcessors) {
}
