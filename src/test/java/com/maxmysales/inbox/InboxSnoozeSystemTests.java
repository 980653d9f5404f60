package com.maxmysales.inbox;

import java.time.Duration;
import java.util.UUID;

import com.maxmysales.support.ClockedPlatformTest;
import com.maxmysales.support.Eventually;
import com.maxmysales.support.Http;
import com.maxmysales.support.MutableClock;
import com.maxmysales.support.SandboxNumber;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A snoozed conversation wakes up (opens again) when its time comes, on the platform whose clock the tests move; the
 * alarm runs on its own every 30 s, the test runs it at once after moving the clock. Mutation caught: waking every
 * snoozed conversation regardless of its time (InboxRows.wakeSnoozed) → the first check fails.
 */
@ClockedPlatformTest
class InboxSnoozeSystemTests {

    @LocalServerPort
    int port;
    @Autowired
    MutableClock clock;
    @Autowired
    SnoozeAlarm alarm;

    @Test
    void aSnoozedConversationOpensWhenItsTimeComes() {
        var http = new Http(port);
        var key = http.createWorkspace("Snoozing shop");
        var number = SandboxNumber.connect(http, key);
        var phone = "+9184" + String.format("%08d", Math.abs(UUID.randomUUID().getLeastSignificantBits() % 100_000_000L));
        number.customerWritesText(phone, "Later", "call me tomorrow");
        Eventually.await(() -> !http.get("/api/v1/conversations", key).json().get("items").isEmpty());
        var conversation = http.get("/api/v1/conversations", key).json().get("items").get(0).get("id").asString();
        var until = clock.instant().plus(Duration.ofHours(8));
        var snoozed = http.patch("/api/v1/conversations/" + conversation, key,
                "{\"status\": \"snoozed\", \"snoozedUntil\": \"" + until + "\"}");
        assertThat(snoozed.status()).as(snoozed.body()).isEqualTo(200);

        clock.advance(Duration.ofHours(8).minusMinutes(1));
        alarm.wake();
        assertThat(status(http, key)).isEqualTo("snoozed");

        clock.advance(Duration.ofMinutes(2));
        alarm.wake();
        assertThat(status(http, key)).isEqualTo("open");
        assertThat(http.get("/api/v1/conversations?status=snoozed", key).json().get("items")).isEmpty();
    }

    private static String status(Http http, String key) {
        return http.get("/api/v1/conversations", key).json().get("items").get(0).get("status").asString();
    }
}
