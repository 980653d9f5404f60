package com.maxmysales.platform;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Overrides of the named throttles' limits, e.g. {@code maxmysales.throttle.limits.login-account.lock-after=20};
 * each throttle's defaults live in code beside its use and are listed in docs/configuration.md.
 */
@ConfigurationProperties("maxmysales.throttle")
record ThrottleSettings(@DefaultValue Map<String, Throttles.Limit> limits) {
}
