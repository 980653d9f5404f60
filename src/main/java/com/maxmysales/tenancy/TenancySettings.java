package com.maxmysales.tenancy;

import java.time.Duration;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param mail the SMTP server that sends account mail: "you already have an account" to a sign-up with a known
 *             email, and the password-reset links people ask for themselves; off while its host is empty
 * @param resetLinkLifetime how long a password-reset link an owner or admin issues stays valid
 * @param emailedResetLinkLifetime how long a reset link sent by email stays valid
 * @param defaultTimeZone the time zone of workspaces that chose none: pages show times in it and count "today" by it
 */
@ConfigurationProperties("maxmysales.tenancy")
public record TenancySettings(@DefaultValue Mail mail, @DefaultValue("PT24H") Duration resetLinkLifetime,
        @DefaultValue("PT1H") Duration emailedResetLinkLifetime,
        @DefaultValue("Asia/Kolkata") ZoneId defaultTimeZone) {

    /** @param from the sender of account mail */
    public record Mail(@DefaultValue("") String smtpHost, @DefaultValue("587") int smtpPort,
            @DefaultValue("") String username, @DefaultValue("") String password,
            @DefaultValue("true") boolean smtpStarttls, @DefaultValue("no-reply@maxmysales.local") String from) {

        boolean enabled() {
            return !smtpHost.isBlank();
        }

        @Override
        public String toString() {
            return "Mail[smtpHost=" + smtpHost + ", smtpPort=" + smtpPort + ", username=" + username
                    + ", password=[REDACTED]]";
        }
    }
}
