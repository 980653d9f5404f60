package com.maxmysales.tenancy;

import java.time.Duration;
import java.util.Map;

import com.maxmysales.platform.ClientAddresses;
import com.maxmysales.platform.Throttles;
import com.maxmysales.privacy.audit.AuditLog;
import com.maxmysales.privacy.audit.AuditSubjects;

import org.springframework.stereotype.Service;

/**
 * Throttles and audits the operator's browser sign-in, where the admin token is typed. Every try is counted per
 * client address before the token is looked at (so simultaneous guesses wait their turn), forgiven when it was
 * right; after three wrong ones each next try waits twice as long, and ten lock the address for 15 minutes. Unlike
 * the members' login, a loopback peer is counted too (as one address): this door has one legitimate user, so a
 * same-host proxy that does not name its clients costs only the operator's wait, while leaving it unlimited would
 * leave the admin token open to guessing. Every refused token, every lock and every sign-in is audited.
 */
@Service
public class OperatorSignIns {

    static final String ADDRESS = "operator-sign-in-address";
    static final Throttles.Limit ADDRESS_DEFAULT = new Throttles.Limit(3, Duration.ofSeconds(1), 10,
            Duration.ofMinutes(15), Duration.ofHours(1));
    private static final String LOOPBACK = "loopback";

    private final AdminToken adminToken;
    private final Throttles throttles;
    private final AuditLog audit;
    private final AuditSubjects subjects;

    OperatorSignIns(AdminToken adminToken, Throttles throttles, AuditLog audit, AuditSubjects subjects) {
        this.adminToken = adminToken;
        this.throttles = throttles;
        this.audit = audit;
        this.subjects = subjects;
    }

    /** Whether the browser sign-in exists at all: only with an admin token configured. */
    public boolean enabled() {
        return adminToken.isConfigured();
    }

    /**
     * Counts a try from this address, as a failure until {@link #succeeded} forgives it.
     *
     * @return whether the token may be checked now; when not, the try is refused whatever the token
     */
    public boolean mayTry(String remoteAddress) {
        var address = counted(remoteAddress);
        var outcome = throttles.fail(ADDRESS, throttles.limit(ADDRESS, ADDRESS_DEFAULT), address);
        if (outcome.lockedNow()) {
            audit.record(null, "operator.sign-in-lock", describe(address), null);
        }
        return outcome.before().open();
    }

    /** Checks a typed token, in constant time. */
    public boolean matches(String token) {
        return adminToken.matches(token);
    }

    /** A wrong token was typed: on record, with the address it came from. */
    public void refused(String remoteAddress) {
        audit.record(null, "operator.sign-in-refused", describe(counted(remoteAddress)), null);
    }

    public void succeeded(String remoteAddress) {
        var address = counted(remoteAddress);
        throttles.clear(ADDRESS, address);
        audit.record(null, "operator.sign-in", describe(address), null);
    }

    private String describe(String address) {
        return subjects.describe(Map.of("address", address));
    }

    private static String counted(String remoteAddress) {
        var address = ClientAddresses.limited(remoteAddress);
        return address == null ? LOOPBACK : address;
    }
}
