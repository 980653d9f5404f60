package com.maxmysales.platform;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import com.maxmysales.support.MutableClock;
import com.maxmysales.support.PlatformTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;

/** The throttle arithmetic on real PostgreSQL with a clock the test moves: waits double, locks end when they say. */
@PlatformTest
class ThrottlesIntegrationTests {

    private static final Throttles.Limit LIMIT = new Throttles.Limit(3, Duration.ofSeconds(1), 10,
            Duration.ofMinutes(15), Duration.ofHours(1));

    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlatformTransactionManager transactions;

    MutableClock clock;
    Throttles throttles;
    String key;

    @BeforeEach
    void aFreshKey() {
        clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));
        throttles = new Throttles(jdbc, transactions, new ThrottleSettings(Map.of()), clock);
        key = UUID.randomUUID().toString();
    }

    @Test
    void freeFailuresThenWaitsThatDoubleWithEachFailure() {
        for (int failure = 1; failure <= 3; failure++) {
            assertThat(throttles.fail("test", LIMIT, key).after().open()).as("failure %d", failure).isTrue();
        }
        var fourth = throttles.fail("test", LIMIT, key).after();
        assertThat(fourth.state()).isEqualTo(Throttles.Verdict.State.WAIT);
        assertThat(fourth.until()).isEqualTo(clock.instant().plusSeconds(1));

        clock.advance(Duration.ofSeconds(1));
        assertThat(throttles.check("test", key).open()).isTrue();
        assertThat(throttles.fail("test", LIMIT, key).after().until()).isEqualTo(clock.instant().plusSeconds(2));
        clock.advance(Duration.ofSeconds(2));
        assertThat(throttles.fail("test", LIMIT, key).after().until()).isEqualTo(clock.instant().plusSeconds(4));
    }

    @Test
    void aLockRefusesEveryTryUntilItEndsAndTriesDuringItDoNotProlongIt() {
        Throttles.Outcome last = null;
        for (int failure = 1; failure <= 10; failure++) {
            last = throttles.fail("test", LIMIT, key);
        }
        assertThat(last.lockedNow()).isTrue();
        var lockedUntil = clock.instant().plus(Duration.ofMinutes(15));
        assertThat(last.after()).isEqualTo(new Throttles.Verdict(Throttles.Verdict.State.LOCKED, lockedUntil));

        clock.advance(Duration.ofMinutes(14));
        var during = throttles.fail("test", LIMIT, key);
        assertThat(during.before().state()).isEqualTo(Throttles.Verdict.State.LOCKED);
        assertThat(during.after().until()).as("not prolonged").isEqualTo(lockedUntil);
        throttles.clear("test", key);
        assertThat(throttles.check("test", key).open()).as("a success clears a key").isTrue();

        for (int failure = 1; failure <= 10; failure++) {
            throttles.fail("test", LIMIT, key);
        }
        clock.advance(Duration.ofMinutes(15).plusSeconds(1));
        assertThat(throttles.check("test", key).open()).as("the lock has ended").isTrue();
        assertThat(throttles.fail("test", LIMIT, key).after().open()).as("counting starts afresh").isTrue();
    }

    @Test
    void failuresAreForgottenAfterAWhileAndKeysAreCountedApart() {
        for (int failure = 1; failure <= 4; failure++) {
            throttles.fail("test", LIMIT, key);
        }
        assertThat(throttles.check("test", key).open()).isFalse();
        assertThat(throttles.check("test", "another key").open()).isTrue();
        assertThat(throttles.check("another limiter", key).open()).isTrue();

        clock.advance(Duration.ofHours(1).plusSeconds(1));
        assertThat(throttles.fail("test", LIMIT, key).after().open()).as("the first failure of a new hour").isTrue();

        clock.advance(Duration.ofHours(2));
        throttles.forgetExpired();
        assertThat(jdbc.sql("select count(*) from throttles where limiter = 'test' and key_hash = ?")
                .param(Throttles.hash(key)).query(Integer.class).single()).as("swept").isZero();
    }

    @Test
    void aConfiguredLimitOverridesOnlyTheValuesItGives() {
        var configured = new Throttles(jdbc, transactions, new ThrottleSettings(Map.of("test",
                new ThrottleSettings.LimitOverride(null, null, 2, null, null))), clock);

        assertThat(configured.limit("test", LIMIT)).isEqualTo(new Throttles.Limit(3, Duration.ofSeconds(1), 2,
                Duration.ofMinutes(15), Duration.ofHours(1)));
        assertThat(configured.limit("other", LIMIT)).isEqualTo(LIMIT);
    }
}
