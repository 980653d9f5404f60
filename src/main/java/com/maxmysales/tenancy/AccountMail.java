package com.maxmysales.tenancy;

import jakarta.mail.MessagingException;

import com.maxmysales.platform.SmtpServer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.stereotype.Component;

/**
 * Mail to a business user about their account. It leaves on its own thread after the answer: how long a mail
 * server takes must not tell a visitor whether an email has an account. Addresses never reach the log.
 */
@Component
class AccountMail {

    private static final Logger log = LoggerFactory.getLogger(AccountMail.class);

    private final TenancySettings.Mail settings;

    AccountMail(TenancySettings settings) {
        this.settings = settings.mail();
    }

    boolean enabled() {
        return settings.enabled();
    }

    void send(String to, String subject, String text) {
        if (!settings.enabled()) {
            log.info("Account mail ({}) not sent: maxmysales.tenancy.mail.smtp-host is not set", subject);
            return;
        }
        var smtp = new SmtpServer(settings.smtpHost(), settings.smtpPort(), settings.username(), settings.password(),
                settings.smtpStarttls());
        Thread.ofVirtual().name("account-mail").start(() -> {
            try {
                smtp.send(settings.from(), to, subject, text);
            } catch (MessagingException | MailException e) {
                log.warn("Account mail ({}) could not be sent: {}", subject, e.getClass().getName());
            }
        });
    }
}
