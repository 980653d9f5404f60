package com.maxmysales.privacy;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Pattern;

import com.maxmysales.support.ClockedPlatformTest;
import com.maxmysales.support.Http;
import com.maxmysales.support.MutableClock;
import com.maxmysales.support.SandboxNumber;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static com.maxmysales.support.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;

/** The times of data-principal requests (P6), on the platform whose clock the tests move: deadlines and code lifetimes. */
@ClockedPlatformTest
class PrivacyRequestTimesSystemTests {

    private static final Pattern CODE = Pattern.compile("is (\\d{6})\\.");

    @LocalServerPort
    int port;
    @Autowired
    MutableClock clock;

    Http http;
    String apiKey;

    @BeforeEach
    void aWorkspace() {
        http = new Http(port);
        apiKey = http.createWorkspace("Request times");
    }

    /**
     * A request is due 30 days after it arrived and shows {@code overdue} from then until it is answered. A day more
     * (PrivacyRequests.file) → fails; never overdue (PrivacyRequest.overdue) → fails.
     */
    @Test
    void aRequestIsDueThirtyDaysAfterItArrivedAndOverdueFromThenUntilAnswered() {
        var arrived = clock.instant();
        var filed = http.post("/api/v1/privacy/requests", apiKey, """
                {"type": "grievance", "email": "late%d@customer.example", "message": "Nobody answers me"}"""
                .formatted(System.nanoTime()));
        assertThat(filed.status()).as(filed.body()).isEqualTo(202);
        var id = filed.json().get("id").asString();

        assertThat(Instant.parse(filed.json().get("dueAt").asString())).isEqualTo(arrived.plus(Duration.ofDays(30)));
        assertThat(request(id).get("overdue").asBoolean()).isFalse();

        clock.advance(Duration.ofDays(30));
        assertThat(request(id).get("overdue").asBoolean()).as("on the due date itself").isFalse();

        clock.advance(Duration.ofMinutes(1));
        assertThat(request(id).get("overdue").asBoolean()).as("a minute past it").isTrue();
        assertThat(listed(id).get("overdue").asBoolean()).isTrue();

        http.post("/api/v1/privacy/requests/" + id + "/resolution", apiKey, "{\"response\": \"Sorry: answered now.\"}");
        assertThat(request(id).get("overdue").asBoolean()).as("answered late, no longer waiting").isFalse();
    }

    /**
     * A code sent to the person works for 15 minutes: after that it is refused as expired, the request waits on, and
     * a new code works; the expired one never counts as a wrong guess. Drop the expiry check (PrivacyRequests.verify)
     * → the old code fulfils the request: fails.
     */
    @Test
    void aCodeExpiresAfterFifteenMinutesAndANewOneWorks() {
        var number = SandboxNumber.connect(http, apiKey);
        var person = "+9195" + String.format("%08d", Math.abs(UUID.randomUUID().getLeastSignificantBits() % 100_000_000L));
        number.customerWritesText(person, "Asha Rao", "please send me everything you hold about me");
        await(() -> contactOf(person) != null);
        var id = http.post("/api/v1/privacy/requests", apiKey, """
                {"type": "access", "phone": "%s", "requestedBy": "person"}""".formatted(person)).json().get("id").asString();
        var first = awaitCode(person, null);

        clock.advance(Duration.ofMinutes(15).plusSeconds(1));
        var expired = http.post("/api/v1/privacy/requests/" + id + "/verification", apiKey, "{\"code\": \"" + first + "\"}");

        assertThat(expired.status()).as(expired.body()).isEqualTo(422);
        assertThat(expired.json().get("type").asString()).isEqualTo("urn:maxmysales:problem:code-expired");
        assertThat(request(id).get("status").asString()).isEqualTo("awaiting-verification");

        assertThat(http.post("/api/v1/privacy/requests/" + id + "/verification-code", apiKey, "{}").status()).isEqualTo(200);
        var second = awaitCode(person, first);
        var verified = http.post("/api/v1/privacy/requests/" + id + "/verification", apiKey, "{\"code\": \"" + second + "\"}");

        assertThat(verified.status()).as(verified.body()).isEqualTo(200);
        assertThat(verified.json().get("status").asString()).isEqualTo("completed");
    }

    private JsonNode request(String id) {
        return http.get("/api/v1/privacy/requests/" + id, apiKey).json();
    }

    private JsonNode listed(String id) {
        return http.get("/api/v1/privacy/requests", apiKey).json().get("items").valueStream()
                .filter(item -> item.get("id").asString().equals(id)).findFirst().orElseThrow();
    }

    private String contactOf(String phone) {
        var items = http.get("/api/v1/contacts?phone=" + phone.replace("+", "%2B"), apiKey).json().get("items");
        return items.isEmpty() ? null : items.get(0).get("id").asString();
    }

    /** The newest code sent to the person on WhatsApp, once it is not {@code previous} (a new code may repeat one by chance: then it is that). */
    private String awaitCode(String person, String previous) {
        var code = new String[1];
        var conversation = http.get("/api/v1/conversations?contactId=" + contactOf(person), apiKey).json().get("items")
                .get(0).get("id").asString();
        var wanted = previous == null ? 1 : 2;
        await(() -> {
            var codes = http.get("/api/v1/conversations/" + conversation + "/messages", apiKey).json().get("items")
                    .valueStream().filter(message -> message.get("direction").asString().equals("outbound"))
                    .map(message -> CODE.matcher(message.path("text").asString(""))).filter(java.util.regex.Matcher::find)
                    .map(matcher -> matcher.group(1)).toList();
            code[0] = codes.isEmpty() ? null : codes.getFirst();
            return codes.size() >= wanted;
        });
        return code[0];
    }
}
