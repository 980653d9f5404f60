package com.maxmysales.privacy.requests;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The SMTP server that carries privacy-request verification codes by email; off while {@code smtp-host} is
 * empty. Its own settings rather than the opt-out mailbox's: privacy may not depend on opt-out (which depends
 * on privacy), and the codes come from the privacy contact, not from the "Unsubscribe" mailbox.
 *
 * @param from the codes' sender; empty: {@code maxmysales.privacy.notice.contact-email}
 */
@ConfigurationProperties("maxmysales.privacy.mail")
public record PrivacyMailSettings(@DefaultValue("") String smtpHost, @DefaultValue("587") int smtpPort,
        @DefaultValue("") String username, @DefaultValue("") String password,
        @DefaultValue("true") boolean smtpStarttls, @DefaultValue("") String from) {

    boolean enabled() {
        return !smtpHost.isBlank();
    }

    @Override
    public String toString() {
        return "PrivacyMailSettings[smtpHost=" + smtpHost + ", smtpPort=" + smtpPort + ", username=" + username
                + ", password=[REDACTED]]";
    }
}
