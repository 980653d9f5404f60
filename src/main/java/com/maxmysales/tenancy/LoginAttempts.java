package com.maxmysales.tenancy;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;

import com.maxmysales.platform.Throttles;
import com.maxmysales.privacy.audit.AuditLog;
import com.maxmysales.privacy.audit.AuditSubjects;
import com.maxmysales.shared.EmailAddress;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * Throttles password guessing, per account and per client address, in PostgreSQL so that every node counts
 * together. After a few failures each next try must wait twice as long, and ten failures lock the account for
 * 15 minutes, during which even the right password is refused; an address that fails across many accounts is
 * slowed and locked likewise. The same holds for an email without an account, so the answers tell nobody
 * whether one exists. Locks are audited.
 */
@Service
public class LoginAttempts {

    static final String ACCOUNT = "login-account";
    static final String ADDRESS = "login-address";
    static final Throttles.Limit ACCOUNT_DEFAULT = new Throttles.Limit(3, Duration.ofSeconds(1), 10,
            Duration.ofMinutes(15), Duration.ofHours(1));
    static final Throttles.Limit ADDRESS_DEFAULT = new Throttles.Limit(10, Duration.ofSeconds(1), 50,
            Duration.ofMinutes(15), Duration.ofHours(1));

    private final Throttles throttles;
    private final BusinessUsers users;
    private final AuditLog audit;
    private final AuditSubjects subjects;

    LoginAttempts(Throttles throttles, BusinessUsers users, AuditLog audit, AuditSubjects subjects) {
        this.throttles = throttles;
        this.users = users;
        this.audit = audit;
        this.subjects = subjects;
    }

    /**
     * Called before the password is checked, and counted as a failure until {@link #succeeded} says otherwise:
     * counting first makes simultaneous guesses at one account wait their turn.
     *
     * @param address the client's address; null: none to limit (see {@code platform.ClientAddresses})
     * @return whether the password may be checked now; when not, the attempt is refused whatever it is
     */
    public boolean mayTry(String email, String address) {
        var account = throttles.fail(ACCOUNT, throttles.limit(ACCOUNT, ACCOUNT_DEFAULT), key(email));
        if (account.lockedNow()) {
            auditAccountLock(email);
        }
        var addressOpen = address == null || throttles.check(ADDRESS, address).open();
        if (!addressOpen) {
            failedFrom(address);
        }
        return account.before().open() && addressOpen;
    }

    /** The password was wrong. */
    public void failed(String address) {
        if (address != null) {
            failedFrom(address);
        }
    }

    public void succeeded(String email) {
        throttles.clear(ACCOUNT, key(email));
    }

    private void failedFrom(String address) {
        if (throttles.fail(ADDRESS, throttles.limit(ADDRESS, ADDRESS_DEFAULT), address).lockedNow()) {
            audit.record(null, "login.address-lock", subjects.describe(Map.of("address", address)), null);
        }
    }

    private void auditAccountLock(String email) {
        var id = users.idOf(key(email));
        var workspace = id.flatMap(user -> users.findActive(user)).map(BusinessUserPrincipal::workspaceId).orElse(null);
        audit.record(workspace, "login.account-lock",
                id.map(user -> "memberId=" + user).orElseGet(() -> subjects.emailHash(key(email))), null);
    }

    /** The account an attempt is for: the address in its one form, or what was typed when it is no address. */
    private static String key(@Nullable String email) {
        return EmailAddress.parse(email).map(EmailAddress::value)
                .orElseGet(() -> email == null ? "" : email.strip().toLowerCase(Locale.ROOT));
    }
}
