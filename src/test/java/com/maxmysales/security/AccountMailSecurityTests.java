package com.maxmysales.security;

import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.maxmysales.support.PlatformTest;
import com.maxmysales.support.TestMail;
import com.maxmysales.support.WebSession;
import com.maxmysales.tenancy.SignUp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.maxmysales.support.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 11 item 6: sign-up said "an account with this email already exists". Now the page answers the same for
 * any email, and the account's owner learns it by email (a real SMTP server here, GreenMail), with a link to set a
 * new password; "Forgot your password?" works the same way, and mails nobody without an account. The mail server is
 * the one every test platform uses ({@link TestMail}); mails are told apart by address.
 */
@PlatformTest
class AccountMailSecurityTests {

    private static final GreenMail MAIL = TestMail.server();
    private static final Pattern RESET_LINK = Pattern.compile("(/password-reset/pwr_[A-Za-z0-9_-]+)");

    @LocalServerPort
    int port;
    @Autowired
    SignUp signUp;

    String email;

    @BeforeEach
    void anAccount() {
        email = "owner-" + UUID.randomUUID() + "@mail.example";
        signUp.register(new SignUp.Form("Mail Shop", "Mona", email, "the first password", true, true));
    }

    @Test
    void aSignUpWithAKnownEmailIsAnsweredAsAnyOtherAndItsOwnerIsToldByEmail() {
        var known = signUp(email);
        var fresh = signUp("fresh-" + UUID.randomUUID() + "@mail.example");

        assertThat(known.status()).isEqualTo(fresh.status()).isEqualTo(302);
        assertThat(known.header("Location")).isEqualTo(fresh.header("Location"));
        await(() -> mailsTo(email).length == 1);
        var mail = GreenMailUtil.getBody(mailsTo(email)[0]);
        assertThat(mail).contains("already has an account");

        var link = resetLinkIn(mail);
        var browser = new WebSession(port, WebSession.newClientAddress());
        assertThat(browser.postForm(link, Map.of("password", "a password I remember")).header("Location"))
                .endsWith("/login?passwordChanged");
        assertThat(new WebSession(port, WebSession.newClientAddress()).signIn(email, "a password I remember")).isTrue();
    }

    @Test
    void forgotPasswordMailsALinkOnlyToAnEmailWithAnAccountAndSaysTheSameToAnyone() {
        var nobody = "nobody-" + UUID.randomUUID() + "@mail.example";

        var toKnown = new WebSession(port, WebSession.newClientAddress()).postForm("/password-reset", Map.of("email", email));
        var toUnknown = new WebSession(port, WebSession.newClientAddress()).postForm("/password-reset", Map.of("email", nobody));

        assertThat(toKnown.status()).isEqualTo(toUnknown.status()).isEqualTo(200);
        assertThat(toKnown.body()).contains("If this email has an account");
        assertThat(toUnknown.body()).contains("If this email has an account");
        await(() -> mailsTo(email).length == 1);
        assertThat(mailsTo(nobody)).isEmpty();
        assertThat(new WebSession(port, WebSession.newClientAddress()).get(resetLinkIn(GreenMailUtil.getBody(mailsTo(email)[0])))
                .status()).isEqualTo(200);
    }

    @Test
    void nobodyCanFloodAPersonsMailboxThroughTheForms() throws InterruptedException {
        for (int ask = 0; ask < 6; ask++) {
            new WebSession(port, WebSession.newClientAddress()).postForm("/password-reset", Map.of("email", email));
        }
        await(() -> mailsTo(email).length == 3);
        Thread.sleep(500);
        assertThat(mailsTo(email)).as("three an hour").hasSize(3);
    }

    private com.maxmysales.support.Http.Response signUp(String anEmail) {
        return new WebSession(port, WebSession.newClientAddress()).postForm("/signup", Map.of("workspaceName",
                "Another shop", "displayName", "Someone", "email", anEmail, "password", "some long password",
                "adult", "true", "acceptNotice", "true"));
    }

    private static String resetLinkIn(String mail) {
        var matcher = RESET_LINK.matcher(mail);
        assertThat(matcher.find()).as("a reset link in: %s", mail).isTrue();
        return matcher.group(1);
    }

    private static MimeMessage[] mailsTo(String address) {
        return Arrays.stream(MAIL.getReceivedMessages()).filter(message -> {
            try {
                return GreenMailUtil.getAddressList(message.getAllRecipients()).equalsIgnoreCase(address);
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toArray(MimeMessage[]::new);
    }
}
