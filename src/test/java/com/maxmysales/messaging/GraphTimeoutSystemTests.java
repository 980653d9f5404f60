package com.maxmysales.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import com.maxmysales.sandbox.PhoneChats;
import com.maxmysales.sandbox.SandboxFaults;
import com.maxmysales.sandbox.SandboxSettings;
import com.maxmysales.support.Http;
import com.maxmysales.support.MetaWebhooks;
import com.maxmysales.support.PlatformTest;
import com.maxmysales.support.SandboxNumber;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.ApplicationEventMulticaster;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import static com.maxmysales.support.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 20: a send whose Graph call timed out may have reached Meta. The sandbox's {@code timeout} fault accepts
 * the message (it goes out to the customer) and answers only after the platform gave up; its status webhooks are
 * held here, as if Meta's webhooks were late or lost, and let through when a test says so. Counted on the sandbox's
 * side (the customer's chat), a message is sent once: it waits for Meta's status, which settles it, and without one
 * it is reported failed (errorCode -4, published) rather than sent again; a status that comes later still wins.
 */
@PlatformTest
@Import(GraphTimeoutSystemTests.HeldWebhooks.class)
@TestPropertySource(properties = {
        "maxmysales.whatsapp.graph-timeout=PT1S",
        "maxmysales.messaging.unknown-outcome-after=PT4S",
        "maxmysales.messaging.unknown-outcome-check=PT0.5S",
        "maxmysales.sandbox.webhook-url=http://127.0.0.1:${local.server.port}" + GraphTimeoutSystemTests.HeldWebhooks.PATH
})
class GraphTimeoutSystemTests {

    /** Meta's webhooks, held back from the platform until a test lets them through. */
    @RestController
    static class HeldWebhooks {

        static final String PATH = "/webhooks/test-held/whatsapp";

        final List<String> held = new CopyOnWriteArrayList<>();

        @PostMapping(PATH)
        ResponseEntity<Void> hold(@RequestBody byte[] body) {
            held.add(new String(body, StandardCharsets.UTF_8));
            return ResponseEntity.ok().build();
        }

        /** Hands the platform, signed as Meta signs them, the held webhooks that mention this phone-number id. */
        void release(Http http, String phoneNumberId) {
            for (var body : held) {
                if (body.contains(phoneNumberId)) {
                    held.remove(body);
                    assertThat(MetaWebhooks.post(http, body).status()).isEqualTo(200);
                }
            }
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    HeldWebhooks webhooks;
    @Autowired
    SandboxFaults faults;
    @Autowired
    PhoneChats chats;
    @Autowired
    ApplicationEventMulticaster multicaster;

    PublishedStatusChanges statusChanges;

    Http http;
    String apiKey;
    SandboxNumber number;
    String customer;

    @BeforeEach
    void aNumberWhoseGraphCallsTimeOut() {
        statusChanges = new PublishedStatusChanges(multicaster);
        http = new Http(port);
        apiKey = http.createWorkspace("Timeouts");
        number = SandboxNumber.connect(http, apiKey);
        customer = "+9194" + String.format("%08d", Math.abs(UUID.randomUUID().getLeastSignificantBits() % 100_000_000L));
        // Meta takes the message and answers after 5 s; the platform waits 1 s for an answer.
        faults.use(number.phoneNumberId(), new SandboxSettings.Faults(0, 0, true, 0, 1.0, Duration.ofSeconds(5), false));
    }

    @AfterEach
    void noFaults() {
        faults.reset(number.phoneNumberId());
        statusChanges.close();
    }

    @Test
    void aSendWhoseGraphCallTimedOutWaitsForMetasStatusAndIsNeverSentTwice() throws Exception {
        var id = queueTemplate();
        await(() -> sandboxAccepted() == 1);
        await(() -> detail(id).contains("timed out"));
        faults.reset(number.phoneNumberId());

        // Longer than the old retry's backoff (1-2 s), shorter than the grace period (4 s).
        Thread.sleep(2_500);
        assertThat(sandboxAccepted()).as("the customer got the message once").isEqualTo(1);
        assertThat(status(id)).as("still waiting for Meta's word").isEqualTo("queued");

        webhooks.release(http, number.phoneNumberId());

        await(() -> "read".equals(status(id)));
        assertThat(http.get("/api/v1/messages/" + id, apiKey).json().get("wamid").asString()).startsWith("wamid.");
        Thread.sleep(1_500);
        assertThat(sandboxAccepted()).as("and never again").isEqualTo(1);
        assertThat(events(id, MessageStatus.FAILED)).isZero();
    }

    @Test
    void aSendMetaNeverConfirmsIsReportedFailedNotSentAgainAndALateStatusStillCounts() throws Exception {
        var id = queueTemplate();
        await(() -> sandboxAccepted() == 1);
        faults.reset(number.phoneNumberId());

        await(() -> "failed".equals(status(id)));
        var failed = http.get("/api/v1/messages/" + id, apiKey).json();
        assertThat(failed.get("errorCode").asInt()).isEqualTo(-4);
        await(() -> events(id, MessageStatus.FAILED) == 1);
        assertThat(statusChanges.of(id))
                .extracting(MessageStatusChanged::errorCode).containsExactly(-4);
        assertThat(sandboxAccepted()).as("the customer got it once; it was not sent again").isEqualTo(1);

        webhooks.release(http, number.phoneNumberId());

        await(() -> "read".equals(status(id)));
        var read = http.get("/api/v1/messages/" + id, apiKey).json();
        assertThat(read.path("errorCode").isNull() || read.path("errorCode").isMissingNode()).as(read.toString()).isTrue();
        assertThat(read.path("failedAt").isNull() || read.path("failedAt").isMissingNode()).isTrue();
        assertThat(events(id, MessageStatus.READ)).isEqualTo(1);
        assertThat(sandboxAccepted()).isEqualTo(1);
    }

    private String queueTemplate() {
        var queued = http.post("/api/v1/messages", apiKey, """
                {"to": "%s", "type": "template", "purpose": "utility", "template": {"name": "order_update", "language": "en"}}"""
                .formatted(customer));
        assertThat(queued.status()).as(queued.body()).isEqualTo(202);
        return queued.json().get("id").asString();
    }

    /** What the sandbox accepted for this customer from this number: each is a message on the customer's phone. */
    private int sandboxAccepted() {
        return chats.chat(number.phoneNumberId(), customer.substring(1)).messages().size();
    }

    private String status(String id) {
        return http.get("/api/v1/messages/" + id, apiKey).json().get("status").asString();
    }

    private String detail(String id) {
        return http.get("/api/v1/messages/" + id, apiKey).json().path("errorDetail").asString("");
    }

    private long events(String id, MessageStatus status) {
        return statusChanges.of(id).stream().filter(changed -> changed.status() == status)
                .count();
    }
}
