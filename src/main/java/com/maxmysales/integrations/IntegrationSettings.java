package com.maxmysales.integrations;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param allowPrivateTargets let subscriptions point at loopback and private addresses; off by default so a
 *                            workspace cannot make the platform call into the operator's own network
 * @param maxAttempts deliveries tried this many times (over about a day) before they are given up
 */
@ConfigurationProperties("maxmysales.integrations")
public record IntegrationSettings(@DefaultValue("false") boolean allowPrivateTargets,
        @DefaultValue("12") int maxAttempts) {
}
