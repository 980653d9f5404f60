package com.maxmysales.integrations;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which addresses a subscription may reach is the outbound-HTTP guard's setting,
 * {@code maxmysales.outbound-http.allow-private-addresses}.
 *
 * @param maxAttempts deliveries tried this many times (over about a day) before they are given up
 */
@ConfigurationProperties("maxmysales.integrations")
public record IntegrationSettings(@DefaultValue("12") int maxAttempts) {
}
