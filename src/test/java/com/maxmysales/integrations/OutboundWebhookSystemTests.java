package com.maxmysales.integrations;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;

import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.maxmysales.support.Http;
import com.maxmysales.support.MetaWebhooks;
import com.maxmysales.support.PlatformTest;
import com.maxmysales.support.SandboxNumber;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

import static com.maxmysales.support.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;

/** The business's own endpoint, a real HTTP server in the test, told about a customer's message. */
@PlatformTest
class OutboundWebhookSystemTests {

    record Received(String event, String signature, String body) {}

    @LocalServerPort
    int port;

    HttpServer receiver;
    List<Received> received = new CopyOnWriteArrayList<>();
    AtomicInteger failuresToAnswer = new AtomicInteger();
    Http http;
    String apiKey;

    @BeforeEach
    void aBusinessEndpoint() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hooks", exchange -> {
            var body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            var status = failuresToAnswer.getAndDecrement() > 0 ? 500 : 204;
            received.add(new Received(exchange.getRequestHeaders().getFirst("X-MaxMySales-Event"),
                    exchange.getRequestHeaders().getFirst("X-MaxMySales-Signature"), body));
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        receiver.start();
        http = new Http(port);
        apiKey = http.createWorkspace("Integrations");
    }

    @AfterEach
    void stop() {
        receiver.stop(0);
    }

    @Test
    void aCustomersMessageReachesTheSubscribedEndpointSignedAndIsRetriedUntilAccepted() {
        var phoneNumberId = connectNumber();
        var subscribed = subscribe("message.received");
        assertThat(subscribed.status()).isEqualTo(201);
        var secret = subscribed.json().get("secret").asString();
        var subscription = subscribed.json().get("id").asString();
        failuresToAnswer.set(1);

        MetaWebhooks.post(http, MetaWebhooks.inbound(phoneNumberId, "919811155555", "Meera", """
                { "from": "919811155555", "id": "wamid.HOOK%d", "timestamp": "1767225660", "type": "text",
                  "text": { "body": "Do you deliver to Pune?" } }""".formatted(System.nanoTime())));

        await(() -> received.size() >= 2);
        var delivered = received.get(1);
        assertThat(delivered.event()).isEqualTo("message.received");
        // HMAC-SHA256 of the raw body under the subscription's secret, computed here as any receiver would (the same
        // scheme as Meta's X-Hub-Signature-256). Sign with another key (DeliveryWorker) → fails.
        assertThat(delivered.signature()).isEqualTo(MetaWebhooks.sign(secret, delivered.body()));
        var body = JsonMapper.builder().build().readTree(delivered.body());
        assertThat(body.get("message").get("text").asString()).isEqualTo("Do you deliver to Pune?");
        assertThat(body.get("message").get("from").asString()).isEqualTo("+919811155555");
        assertThat(received.get(0).body()).as("the retry is the same delivery").isEqualTo(delivered.body());

        await(() -> "delivered".equals(http.get("/api/v1/webhooks/" + subscription + "/deliveries", apiKey)
                .json().get(0).get("state").asString()));
        var log = http.get("/api/v1/webhooks/" + subscription + "/deliveries", apiKey).json().get(0);
        assertThat(log.get("attempts").asInt()).isEqualTo(2);
        assertThat(log.get("lastStatusCode").asInt()).isEqualTo(204);
    }

    /**
     * Every step of a sent message reaches the business once: "sent" when Meta accepted it, then Meta's own statuses,
     * up to "read" (every test platform's sandbox customers read everything).
     */
    @Test
    void aSentMessagesStatusesReachTheSubscribedEndpointFromSentOn() {
        connectNumber();
        assertThat(subscribe("message.status").status()).isEqualTo(201);

        var sent = http.post("/api/v1/messages", apiKey, """
                {"to": "+919811166666", "type": "template", "purpose": "utility",
                 "template": {"name": "order_update", "language": "en_US"}}""");
        assertThat(sent.status()).isEqualTo(202);
        var messageId = sent.json().get("id").asString();

        await(() -> statusesOf(messageId).containsAll(List.of("sent", "delivered", "read")));
        assertThat(statusesOf(messageId)).as("each status once").containsExactlyInAnyOrder("sent", "delivered", "read");
    }

    /** A number of this workspace on the sandbox; returns its phone-number id. */
    private String connectNumber() {
        return SandboxNumber.connect(http, apiKey).phoneNumberId();
    }

    private Http.Response subscribe(String event) {
        return http.post("/api/v1/webhooks", apiKey, """
                {"url": "http://127.0.0.1:%d/hooks", "events": ["%s"]}""".formatted(receiver.getAddress().getPort(), event));
    }

    private List<String> statusesOf(String messageId) {
        var json = JsonMapper.builder().build();
        return received.stream().filter(hook -> "message.status".equals(hook.event()))
                .map(hook -> json.readTree(hook.body()).get("message"))
                .filter(message -> messageId.equals(message.get("id").asString()))
                .map(message -> message.get("status").asString()).toList();
    }

    /**
     * This context allows private addresses (the receiver is on loopback); the default refusal of internal
     * addresses, at creation and at delivery, is {@code OutboundGuardSecurityTests}'.
     */
    @Test
    void aSubscriptionNeedsAnHttpUrlAndKnownEvents() {
        var notHttp = http.post("/api/v1/webhooks", apiKey, "{\"url\": \"ftp://example.com/x\"}");
        assertThat(notHttp.status()).isEqualTo(422);
        assertThat(notHttp.json().get("type").asString()).isEqualTo("urn:maxmysales:problem:destination-refused");
        assertThat(http.post("/api/v1/webhooks", apiKey, "{\"url\": \"http://127.0.0.1/x\", \"events\": [\"nope\"]}").status())
                .isEqualTo(400);
    }
}
