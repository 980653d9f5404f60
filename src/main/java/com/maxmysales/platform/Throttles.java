package com.maxmysales.platform;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Named throttles of failures (wrong passwords, refused webhooks) or attempts (sign-ups), per key, kept in
 * PostgreSQL so that every node counts together. After a limit's free attempts each failure doubles the wait
 * before the next try may come, and at {@code lockAfter} failures the key is locked for {@code lockFor}. A try
 * refused because of a wait still counts (hammering leads to the lock); one refused by the lock does not (the
 * lock ends when it says). Failures are forgotten {@code forgetAfter} after the last one. {@link #fail} can be
 * called before the try, as a reservation, and {@link #clear} after it when it succeeded.
 */
@Service
public class Throttles {

    /**
     * @param freeAttempts failures before the first wait
     * @param firstDelay the first wait, doubled by each further failure (zero: no waits, only the lock)
     * @param lockAfter failures that lock the key
     */
    public record Limit(int freeAttempts, Duration firstDelay, int lockAfter, Duration lockFor, Duration forgetAfter) {

        Duration delayAfter(int failures) {
            if (failures <= freeAttempts || firstDelay.isZero()) {
                return Duration.ZERO;
            }
            var doublings = Math.min(failures - freeAttempts - 1, 20);
            var delay = firstDelay.multipliedBy(1L << doublings);
            return delay.compareTo(lockFor) > 0 ? lockFor : delay;
        }
    }

    /** Whether a try may come now; {@code until} is when it may when it may not. */
    public record Verdict(State state, Instant until) {

        public enum State { OPEN, WAIT, LOCKED }

        static final Verdict OPEN = new Verdict(State.OPEN, null);

        public boolean open() {
            return state == State.OPEN;
        }

        /** Whole seconds until a try may come, for {@code Retry-After}. */
        public long retryAfterSeconds(Instant now) {
            return until == null ? 0 : Math.max(1, Duration.between(now, until).toSeconds() + 1);
        }
    }

    /**
     * @param before whether the try was allowed when it came: counting first and deciding on this makes
     *               simultaneous tries of one key wait their turn, so a burst gets no more tries than a sequence
     * @param after whether the next try may come now
     * @param lockedNow this failure locked the key: worth an audit record
     */
    public record Outcome(Verdict before, Verdict after, boolean lockedNow) {}

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final ThrottleSettings settings;
    private final Clock clock;

    Throttles(JdbcClient jdbc, PlatformTransactionManager transactions, ThrottleSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.settings = settings;
        this.clock = clock;
    }

    /** The limit of a named throttle: its defaults unless {@code maxmysales.throttle.limits.<name>} overrides them. */
    public Limit limit(String name, Limit defaults) {
        var override = settings.limits().get(name);
        return override == null ? defaults : override.over(defaults);
    }

    public Verdict check(String limiter, String key) {
        var now = clock.instant();
        return jdbc.sql("select not_before, locked_until from throttles where limiter = :limiter and key_hash = :key")
                .param("limiter", limiter).param("key", hash(key))
                .query((rs, n) -> verdict(instant(rs.getTimestamp(1)), instant(rs.getTimestamp(2)), now))
                .optional().orElse(Verdict.OPEN);
    }

    public Outcome fail(String limiter, Limit limit, String key) {
        var keyHash = hash(key);
        return transaction.execute(status -> {
            var now = clock.instant();
            jdbc.sql("""
                    insert into throttles (limiter, key_hash, failures, last_failure_at, expires_at)
                    values (:limiter, :key, 0, :now, :now) on conflict do nothing
                    """)
                    .param("limiter", limiter).param("key", keyHash).param("now", Timestamp.from(now)).update();
            var row = jdbc.sql("""
                    select failures, last_failure_at, not_before, locked_until from throttles
                    where limiter = :limiter and key_hash = :key for update
                    """)
                    .param("limiter", limiter).param("key", keyHash)
                    .query((rs, n) -> new Row(rs.getInt(1), rs.getTimestamp(2).toInstant(), instant(rs.getTimestamp(3)),
                            instant(rs.getTimestamp(4))))
                    .single();
            var before = verdict(row.notBefore(), row.lockedUntil(), now);
            if (before.state() == Verdict.State.LOCKED) {
                return new Outcome(before, before, false);
            }
            var failures = row.lastFailureAt().isBefore(now.minus(limit.forgetAfter())) ? 1 : row.failures() + 1;
            Instant notBefore = null;
            Instant lockedUntil = null;
            if (failures >= limit.lockAfter()) {
                lockedUntil = now.plus(limit.lockFor());
                failures = 0;
            } else {
                var delay = limit.delayAfter(failures);
                notBefore = delay.isZero() ? null : now.plus(delay);
            }
            var expiresAt = now.plus(limit.forgetAfter());
            if (lockedUntil != null && lockedUntil.isAfter(expiresAt)) {
                expiresAt = lockedUntil;
            }
            jdbc.sql("""
                    update throttles set failures = :failures, last_failure_at = :now, not_before = :notBefore,
                                         locked_until = :lockedUntil, expires_at = :expiresAt
                    where limiter = :limiter and key_hash = :key
                    """)
                    .param("failures", failures).param("now", Timestamp.from(now))
                    .param("notBefore", timestamp(notBefore)).param("lockedUntil", timestamp(lockedUntil))
                    .param("expiresAt", Timestamp.from(expiresAt))
                    .param("limiter", limiter).param("key", keyHash)
                    .update();
            return new Outcome(before, verdict(notBefore, lockedUntil, now), lockedUntil != null);
        });
    }

    /** Forgets a key's failures, e.g. after a try that was allowed turned out right. */
    public void clear(String limiter, String key) {
        jdbc.sql("delete from throttles where limiter = :limiter and key_hash = :key")
                .param("limiter", limiter).param("key", hash(key))
                .update();
    }

    /** Hashes of the keys of a limiter locked now, with when each lock ends. */
    Map<ByteBuffer, Instant> locked(String limiter) {
        var locked = new HashMap<ByteBuffer, Instant>();
        jdbc.sql("select key_hash, locked_until from throttles where limiter = :limiter and locked_until > :now")
                .param("limiter", limiter).param("now", Timestamp.from(clock.instant()))
                .query(rs -> {
                    locked.put(ByteBuffer.wrap(rs.getBytes(1)), rs.getTimestamp(2).toInstant());
                });
        return locked;
    }

    @Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT1M")
    void forgetExpired() {
        jdbc.sql("delete from throttles where expires_at < :now")
                .param("now", Timestamp.from(clock.instant())).update();
    }

    static byte[] hash(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Verdict verdict(Instant notBefore, Instant lockedUntil, Instant now) {
        if (lockedUntil != null && lockedUntil.isAfter(now)) {
            return new Verdict(Verdict.State.LOCKED, lockedUntil);
        }
        if (notBefore != null && notBefore.isAfter(now)) {
            return new Verdict(Verdict.State.WAIT, notBefore);
        }
        return Verdict.OPEN;
    }

    private record Row(int failures, Instant lastFailureAt, Instant notBefore, Instant lockedUntil) {}

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
