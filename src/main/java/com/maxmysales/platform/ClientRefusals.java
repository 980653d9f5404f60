package com.maxmysales.platform;

import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * Stops a client address that keeps failing a public webhook's authentication (wrong signatures, wrong lead
 * keys): after {@code lockAfter} refusals in the window it is answered 429 without the body being read or
 * checked. Refusals are counted in PostgreSQL by {@link Throttles}, so every node counts together; the check
 * itself, on the busiest path, reads a copy of the locked addresses each node refreshes every few seconds, so
 * a lock set on one node reaches the others within that time.
 */
@Component
public class ClientRefusals {

    static final Duration REFRESH = Duration.ofSeconds(5);
    /** 20 refusals in 10 minutes lock the address for the rest of them; Meta's own deliveries never fail so. */
    static final Throttles.Limit DEFAULT = new Throttles.Limit(20, Duration.ZERO, 20, Duration.ofMinutes(10),
            Duration.ofMinutes(10));

    private final Throttles throttles;
    private final Clock clock;
    private final Map<String, Snapshot> snapshots = new ConcurrentHashMap<>();

    ClientRefusals(Throttles throttles, Clock clock) {
        this.throttles = throttles;
        this.clock = clock;
    }

    private record Snapshot(Instant takenAt, Map<ByteBuffer, Instant> locked) {}

    /**
     * @param remoteAddress the request's remote address
     * @throws Refusal {@code THROTTLED too-many-refusals} while that client address is locked for this webhook
     */
    public void requireNotLocked(String webhook, String remoteAddress) {
        var address = ClientAddresses.limited(remoteAddress);
        if (address == null) {
            return;
        }
        var now = clock.instant();
        var until = snapshot(webhook, now).locked().get(ByteBuffer.wrap(Throttles.hash(address)));
        if (until != null && until.isAfter(now)) {
            throw tooMany(new Throttles.Verdict(Throttles.Verdict.State.LOCKED, until), now);
        }
    }

    /** Counts a refusal of a request's client address; the refusal that reaches the limit locks it. */
    public void refused(String webhook, String remoteAddress) {
        var address = ClientAddresses.limited(remoteAddress);
        if (address == null) {
            return;
        }
        var outcome = throttles.fail(limiter(webhook), throttles.limit(limiter(webhook), DEFAULT), address);
        if (outcome.after().state() == Throttles.Verdict.State.LOCKED) {
            var snapshot = snapshot(webhook, clock.instant());
            snapshot.locked().put(ByteBuffer.wrap(Throttles.hash(address)), outcome.after().until());
        }
    }

    private Snapshot snapshot(String webhook, Instant now) {
        return snapshots.compute(webhook, (name, current) -> current != null
                && current.takenAt().isAfter(now.minus(REFRESH)) ? current
                : new Snapshot(now, new ConcurrentHashMap<>(throttles.locked(limiter(name)))));
    }

    private static String limiter(String webhook) {
        return "webhook-refusals-" + webhook;
    }

    private static Refusal tooMany(Throttles.Verdict verdict, Instant now) {
        return new Refusal(Refusal.Kind.THROTTLED, "too-many-refusals", "Too many refusals",
                "this address sent too many requests that failed authentication; try again later",
                Map.of(Refusal.RETRY_AFTER_SECONDS, verdict.retryAfterSeconds(now)));
    }
}
