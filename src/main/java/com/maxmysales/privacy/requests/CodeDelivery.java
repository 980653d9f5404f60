package com.maxmysales.privacy.requests;

import java.time.Clock;

import com.maxmysales.platform.Refusal;
import com.maxmysales.privacy.audit.AuditLog;
import com.maxmysales.privacy.notice.PrivacyNoticeSettings;
import com.maxmysales.privacy.spi.VerificationMessenger;
import com.maxmysales.shared.EmailAddress;
import com.maxmysales.shared.PhoneNumber;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Sends a request's one-time code where the request chose, on WhatsApp or by email, and keeps only its keyed
 * hash, its expiry and a fresh count of attempts: the same code rules whichever way it travelled.
 */
@Component
class CodeDelivery {

    static final String WHATSAPP = "whatsapp";
    static final String EMAIL = "email";

    private final VerificationCodes codes;
    private final VerificationMessenger whatsApp;
    private final VerificationMail mail;
    private final RequestSubjects subjects;
    private final PrivacyRequestRows rows;
    private final PrivacyRequestSettings settings;
    private final PrivacyNoticeSettings notice;
    private final AuditLog audit;
    private final Clock clock;

    CodeDelivery(VerificationCodes codes, VerificationMessenger whatsApp, VerificationMail mail, RequestSubjects subjects,
            PrivacyRequestRows rows, PrivacyRequestSettings settings, PrivacyNoticeSettings notice, AuditLog audit,
            Clock clock) {
        this.codes = codes;
        this.whatsApp = whatsApp;
        this.mail = mail;
        this.subjects = subjects;
        this.rows = rows;
        this.settings = settings;
        this.notice = notice;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * The channel a request from the person is verified on: the one asked for, else WhatsApp when their
     * number is given, else email.
     */
    static String channel(@Nullable String verifyBy, @Nullable PhoneNumber phone, @Nullable EmailAddress email) {
        if (verifyBy == null || verifyBy.isBlank()) {
            return phone != null ? WHATSAPP : EMAIL;
        }
        var channel = verifyBy.strip();
        if (channel.equals(WHATSAPP) && phone == null) {
            throw Refusal.unprocessable("verification-unavailable", "Cannot verify",
                    "verification on WhatsApp needs the person's WhatsApp number (phone), to which the code is sent");
        }
        if (channel.equals(EMAIL) && email == null) {
            throw Refusal.unprocessable("verification-unavailable", "Cannot verify",
                    "verification by email needs the person's email, to which the code is sent");
        }
        if (!channel.equals(WHATSAPP) && !channel.equals(EMAIL)) {
            throw Refusal.invalid("invalid-privacy-request", "Invalid privacy request",
                    "verifyBy must be whatsapp or email");
        }
        return channel;
    }

    /** Sends a new code, replacing any earlier one. */
    void send(PrivacyRequestRows.Row row) {
        var code = codes.newCode();
        var text = "Your code to confirm your privacy request to " + notice.operatorName() + " is " + code
                + ". It expires in " + settings.codeLifetime().toMinutes() + " minutes. If you did not ask, ignore this message.";
        if (EMAIL.equals(row.verificationChannel())) {
            mail.send(subjects.email(row), "Your code for your privacy request to " + notice.operatorName(), text);
        } else if (!whatsApp.send(row.workspace(), subjects.phone(row), code, text)) {
            throw Refusal.unprocessable("verification-unreachable", "Cannot reach the person",
                    "the code cannot be sent on WhatsApp now (no number connected, or no message from them in the "
                            + "last 24 hours and no verification template configured)");
        }
        rows.newCode(row.id(), codes.hash(row.id(), code), clock.instant().plus(settings.codeLifetime()));
        audit.record(row.workspace(), "privacy.request.code-sent", "requestId=" + row.id(),
                "channel=" + row.verificationChannel());
    }
}
