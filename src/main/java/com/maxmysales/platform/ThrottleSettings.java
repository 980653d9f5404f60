package com.maxmysales.platform;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Overrides of the named throttles' limits, e.g. {@code maxmysales.throttle.limits.login-account.lock-after=20};
 * each throttle's defaults live in code beside its use and are listed in docs/configuration.md, and a value left
 * out keeps its default.
 */
@ConfigurationProperties("maxmysales.throttle")
record ThrottleSettings(@DefaultValue Map<String, LimitOverride> limits) {

    record LimitOverride(Integer freeAttempts, Duration firstDelay, Integer lockAfter, Duration lockFor,
            Duration forgetAfter) {

        Throttles.Limit over(Throttles.Limit defaults) {
            return new Throttles.Limit(
                    freeAttempts == null ? defaults.freeAttempts() : freeAttempts,
                    firstDelay == null ? defaults.firstDelay() : firstDelay,
                    lockAfter == null ? defaults.lockAfter() : lockAfter,
                    lockFor == null ? defaults.lockFor() : lockFor,
                    forgetAfter == null ? defaults.forgetAfter() : forgetAfter);
        }
    }
}
