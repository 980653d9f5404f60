package com.maxmysales.tenancy;

import java.time.Duration;

import com.maxmysales.platform.Throttles;

import org.springframework.stereotype.Service;

/**
 * Throttles the forms anyone may post, per client address: each post counts, a few come freely, then each
 * next one waits twice as long, and too many lock the address for an hour. Sign-up creates workspaces and
 * sends mail; one-time links (invitations, password resets) set passwords.
 */
@Service
public class PublicForms {

    /**
     * The session attribute holding the email typed on the last public form (a refused sign-in, a sign-up), which
     * the login form shows again so that only the password is typed: kept in the session, never in a URL.
     */
    public static final String TYPED_EMAIL = "maxmysales.typed-email";

    public enum Form {
        SIGN_UP("signup-address", new Throttles.Limit(5, Duration.ofSeconds(30), 20, Duration.ofHours(1),
                Duration.ofHours(1))),
        ONE_TIME_LINK("one-time-link-address", new Throttles.Limit(10, Duration.ofSeconds(5), 30,
                Duration.ofHours(1), Duration.ofHours(1))),
        PASSWORD_RESET_REQUEST("password-reset-request-address", new Throttles.Limit(5, Duration.ofSeconds(30), 20,
                Duration.ofHours(1), Duration.ofHours(1)));

        private final String limiter;
        private final Throttles.Limit defaults;

        Form(String limiter, Throttles.Limit defaults) {
            this.limiter = limiter;
            this.defaults = defaults;
        }
    }

    private final Throttles throttles;

    PublicForms(Throttles throttles) {
        this.throttles = throttles;
    }

    /**
     * Counts a post of the form from this address; false when it must be refused unread.
     *
     * @param address null: none to limit (see {@code platform.ClientAddresses})
     */
    public boolean mayPost(Form form, String address) {
        return address == null
                || throttles.fail(form.limiter, throttles.limit(form.limiter, form.defaults), address).before().open();
    }
}
