package com.maxmysales.privacy.requests;

import jakarta.mail.MessagingException;

import com.maxmysales.platform.Refusal;
import com.maxmysales.platform.SmtpServer;
import com.maxmysales.privacy.notice.PrivacyNoticeSettings;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.stereotype.Component;

/** Sends one-time codes by email over the SMTP server of {@code maxmysales.privacy.mail}. */
@Component
class VerificationMail {

    private static final Logger log = LoggerFactory.getLogger(VerificationMail.class);

    private final PrivacyMailSettings settings;
    private final PrivacyNoticeSettings notice;

    VerificationMail(PrivacyMailSettings settings, PrivacyNoticeSettings notice) {
        this.settings = settings;
        this.notice = notice;
    }

    /**
     * @throws Refusal {@code UNPROCESSABLE email-verification-unavailable} when no SMTP server is configured,
     *         {@code UNAVAILABLE verification-mail-failed} when the server did not take the mail
     */
    void send(String to, String subject, String text) {
        if (!settings.enabled()) {
            throw Refusal.unprocessable("email-verification-unavailable",
                    "Email verification unavailable",
                    "this platform sends no email (maxmysales.privacy.mail.smtp-host is not set): verify the person "
                            + "on WhatsApp instead (verifyBy: whatsapp, with their phone)");
        }
        var smtp = new SmtpServer(settings.smtpHost(), settings.smtpPort(), settings.username(), settings.password(),
                settings.smtpStarttls());
        try {
            smtp.send(settings.from().isBlank() ? notice.contactEmail() : settings.from(), to, subject, text);
        } catch (MessagingException | MailException e) {
            // The address is personal data: the log names only what went wrong.
            log.warn("Sending a verification code by email failed: {}", e.getClass().getName());
            throw new Refusal(Refusal.Kind.UNAVAILABLE, "verification-mail-failed", "Code not sent",
                    "the mail server did not take the code; try again later");
        }
    }
}
