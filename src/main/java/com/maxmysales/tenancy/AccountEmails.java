package com.maxmysales.tenancy;

import java.time.Duration;
import java.util.Optional;

import com.maxmysales.platform.Throttles;
import com.maxmysales.shared.EmailAddress;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The emails that let a page answer the same whether or not an email has an account: the account's owner
 * learns by email what the page would not say, and an email without an account gets nothing. At most three an
 * hour per address, so that nobody can flood a person's mailbox through our forms.
 */
@Component
public class AccountEmails {

    static final String LIMITER = "account-mail";
    static final Throttles.Limit DEFAULT = new Throttles.Limit(3, Duration.ZERO, 3, Duration.ofHours(1),
            Duration.ofHours(1));

    private final AccountMail mail;
    private final PasswordResets resets;
    private final Throttles throttles;
    private final String publicUrl;

    AccountEmails(AccountMail mail, PasswordResets resets, Throttles throttles,
            @Value("${maxmysales.public-url:http://localhost:${server.port:8080}}") String publicUrl) {
        this.mail = mail;
        this.resets = resets;
        this.throttles = throttles;
        this.publicUrl = publicUrl.replaceAll("/+$", "");
    }

    /** Someone tried to sign up with an email that has an account. */
    void alreadyRegistered(EmailAddress email) {
        send(email, "Your MaxMySales account", """
                Someone, perhaps you, tried to create a MaxMySales workspace with this email address, which
                already has an account. Sign in at %s/login.
                %s
                If it was not you, ignore this email: nothing was changed.
                """);
    }

    /** Someone asked for a password-reset link for what they typed as their email; nothing is sent to what is none. */
    public void resetRequested(String email) {
        EmailAddress.parse(email).ifPresent(address -> send(address, "Set a new MaxMySales password", """
                Someone, perhaps you, asked to set a new password for the MaxMySales account of this email
                address. To sign in, go to %s/login.
                %s
                If it was not you, ignore this email: your password was not changed.
                """));
    }

    /**
     * An owner or admin reset a member's password: the one-time link goes to the member's own email, so that
     * nobody has to pass it on.
     *
     * @return false when no mail server is configured (the link is then only on the page that made it)
     */
    public boolean resetIssued(String email, PasswordResets.NewReset reset) {
        var address = email == null ? Optional.<EmailAddress>empty() : EmailAddress.parse(email);
        if (address.isEmpty() || !mail.enabled()) {
            return false;
        }
        mail.send(address.get().value(), "Set a new MaxMySales password", """
                An owner or admin of your MaxMySales workspace reset your password: the old one no longer works.
                To choose a new one, open this link (it works once, until %s):
                %s/password-reset/%s
                Then sign in at %s/login.
                """.formatted(reset.expiresAt(), publicUrl, reset.token().reveal(), publicUrl));
        return true;
    }

    private void send(EmailAddress address, String subject, String template) {
        if (!throttles.fail(LIMITER, throttles.limit(LIMITER, DEFAULT), address.value()).before().open()) {
            return;
        }
        resets.forEmail(address).ifPresent(reset -> mail.send(address.value(), subject, template.formatted(publicUrl,
                "To set a new password, open this link (it works once, until " + reset.expiresAt() + "):\n"
                        + publicUrl + "/password-reset/" + reset.token().reveal() + "\n")));
    }
}
