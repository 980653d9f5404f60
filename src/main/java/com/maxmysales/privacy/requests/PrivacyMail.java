package com.maxmysales.privacy.requests;

import jakarta.mail.MessagingException;

import com.maxmysales.platform.SmtpServer;
import com.maxmysales.privacy.notice.PrivacyNoticeSettings;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;

/**
 * Mail from the privacy contact to a person, over the SMTP server of {@code maxmysales.privacy.mail}: what other
 * modules use to write to people about their data (a breach notice), as the one-time codes are.
 */
@NamedInterface("requests")
@Service
public class PrivacyMail {

    private static final Logger log = LoggerFactory.getLogger(PrivacyMail.class);

    private final PrivacyMailSettings settings;
    private final PrivacyNoticeSettings notice;

    PrivacyMail(PrivacyMailSettings settings, PrivacyNoticeSettings notice) {
        this.settings = settings;
        this.notice = notice;
    }

    /** Whether a mail server is configured at all. */
    public boolean enabled() {
        return settings.enabled();
    }

    /** Where people write about their data: the privacy notice's contact address. */
    public String contactAddress() {
        return notice.contactEmail();
    }

    /** @return whether the server took the mail; a failure is logged by its type only (the address is personal data) */
    public boolean send(String to, String subject, String text) {
        return send(to, subject, text, null, null, null);
    }

    /** The same with one file attached (a compliance report's PDF to the workspace's owners). */
    public boolean send(String to, String subject, String text, @Nullable String fileName, @Nullable String contentType,
            byte @Nullable [] file) {
        if (!settings.enabled()) {
            return false;
        }
        var smtp = new SmtpServer(settings.smtpHost(), settings.smtpPort(), settings.username(), settings.password(),
                settings.smtpStarttls());
        var from = settings.from().isBlank() ? notice.contactEmail() : settings.from();
        try {
            if (file == null || fileName == null || contentType == null) {
                smtp.send(from, to, subject, text);
            } else {
                smtp.send(from, to, subject, text, fileName, contentType, file);
            }
            return true;
        } catch (MessagingException | MailException e) {
            log.warn("A privacy mail was not sent: {}", e.getClass().getName());
            return false;
        }
    }
}
