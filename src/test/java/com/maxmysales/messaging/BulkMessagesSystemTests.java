package com.maxmysales.messaging;

import java.util.UUID;

import com.maxmysales.support.Http;
import com.maxmysales.support.PlatformTest;
import com.maxmysales.support.SandboxNumber;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.maxmysales.support.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /api/v1/messages/bulk}: every item decided as the single endpoint decides it, answered in its place,
 * a refused or malformed item taking back nothing of the others, and an idempotency key honoured per item.
 */
@PlatformTest
class BulkMessagesSystemTests {

    @LocalServerPort
    int port;

    Http http;
    String apiKey;
    long run;

    @BeforeEach
    void aWorkspaceWithANumber() {
        http = new Http(port);
        apiKey = http.createWorkspace("Bulk");
        SandboxNumber.connect(http, apiKey);
        run = Math.abs(UUID.randomUUID().getLeastSignificantBits() % 1_000_000L);
    }

    @Test
    void eachItemIsAnsweredInItsPlaceAndTheQueuedOnesAreSent() {
        var key = "bulk-" + run;
        var answer = http.post("/api/v1/messages/bulk", apiKey, """
                {"messages": [
                  {"to": "%s", "type": "template", "purpose": "utility", "template": {"name": "order_update", "language": "en"},
                   "idempotencyKey": "%s"},
                  {"type": "template", "template": {"name": "order_update", "language": "en"}},
                  {"to": "%s", "type": "text", "text": "Hello outside the window"},
                  {"to": "%s", "type": "template", "purpose": "utility", "template": {"name": "order_update", "language": "en"}},
                  {"to": "%s", "type": "template", "purpose": "utility", "template": {"name": "order_update", "language": "en"},
                   "idempotencyKey": "%s"}
                ]}""".formatted(phone(1), key, phone(2), phone(3), phone(1), key));

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        var results = answer.json().get("results");
        assertThat(results.size()).isEqualTo(5);
        assertThat(results.get(0).get("status").asInt()).isEqualTo(202);
        assertThat(results.get(1).get("status").asInt()).isEqualTo(400);
        assertThat(results.get(1).get("type").asString()).endsWith("invalid-message");
        assertThat(results.get(2).get("status").asInt()).isEqualTo(422);
        assertThat(results.get(2).get("type").asString()).endsWith("outside-service-window");
        assertThat(results.get(3).get("status").asInt()).isEqualTo(202);
        assertThat(results.get(4).get("id").asString()).as("the same key, the same message")
                .isEqualTo(results.get(0).get("id").asString());
        for (var queued : new int[] {0, 3}) {
            var id = results.get(queued).get("id").asString();
            await(() -> "read".equals(http.get("/api/v1/messages/" + id, apiKey).json().get("status").asString()));
        }
    }

    /**
     * A key answers with the message first queued under it: sent again with another text, or to another person, in a
     * later request of either endpoint, it is refused rather than answered with the first message (which would tell the
     * caller a message was queued that went nowhere).
     */
    @Test
    void aKeyReusedInALaterRequestForAnotherMessageOrRecipientIsRefused() {
        var key = "again-" + run;
        var first = http.post("/api/v1/messages/bulk", apiKey, bulkOf(phone(6), "order_update", key));
        var firstId = first.json().get("results").get(0).get("id").asString();
        assertThat(first.json().get("results").get(0).get("status").asInt()).as(first.body()).isEqualTo(202);

        var same = http.post("/api/v1/messages/bulk", apiKey, bulkOf(phone(6), "order_update", key));
        assertThat(same.json().get("results").get(0).get("id").asString()).as("the same message again").isEqualTo(firstId);

        for (var other : new String[] {bulkOf(phone(7), "order_update", key), bulkOf(phone(6), "order_update_v2", key)}) {
            var answer = http.post("/api/v1/messages/bulk", apiKey, other).json().get("results").get(0);
            assertThat(answer.get("status").asInt()).as(answer.toString()).isEqualTo(422);
            assertThat(answer.get("type").asString()).endsWith("idempotency-key-reused");
        }
        var single = http.post("/api/v1/messages", apiKey, """
                {"to": "%s", "type": "template", "purpose": "utility", "template": {"name": "order_update", "language": "en"}}"""
                .formatted(phone(7)), java.util.Map.of("Idempotency-Key", key));
        assertThat(single.status()).as(single.body()).isEqualTo(422);
        assertThat(single.json().get("type").asString()).endsWith("idempotency-key-reused");
    }

    private static String bulkOf(String to, String template, String key) {
        return """
                {"messages": [{"to": "%s", "type": "template", "purpose": "utility",
                  "template": {"name": "%s", "language": "en"}, "idempotencyKey": "%s"}]}""".formatted(to, template, key);
    }

    /**
     * The batch is decided set-based, before anything is written: two messages to one new number make one contact
     * and share its conversation, and a refused item leaves no contact behind (it used to be taken back by a savepoint).
     */
    @Test
    void aBatchMakesEachNewContactOnceAndARefusalWritesNothing() {
        var answer = http.post("/api/v1/messages/bulk", apiKey, """
                {"messages": [
                  {"to": "%s", "type": "template", "purpose": "utility", "template": {"name": "order_update", "language": "en"},
                   "idempotencyKey": "first-%d"},
                  {"to": "%s", "type": "template", "purpose": "utility", "template": {"name": "order_update", "language": "en"},
                   "idempotencyKey": "second-%d"},
                  {"to": "%s", "type": "template", "lane": "campaign", "template": {"name": "order_update", "language": "en"}}
                ]}""".formatted(phone(4), run, phone(4), run, phone(5)));

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        var results = answer.json().get("results");
        assertThat(results.get(0).get("status").asInt()).as(answer.body()).isEqualTo(202);
        assertThat(results.get(1).get("status").asInt()).as(answer.body()).isEqualTo(202);
        assertThat(results.get(2).get("status").asInt()).as(answer.body()).isEqualTo(409);
        assertThat(results.get(2).get("type").asString()).endsWith("no-consent-recorded");
        var first = http.get("/api/v1/messages/" + results.get(0).get("id").asString(), apiKey).json();
        var second = http.get("/api/v1/messages/" + results.get(1).get("id").asString(), apiKey).json();
        assertThat(second.get("id").asString()).isNotEqualTo(first.get("id").asString());
        assertThat(second.get("conversationId").asString()).as("one contact, one conversation")
                .isEqualTo(first.get("conversationId").asString());
        assertThat(http.get("/api/v1/contacts?phone=" + phone(4).replace("+", "%2B"), apiKey).json().get("items").size())
                .isEqualTo(1);
        assertThat(http.get("/api/v1/contacts?phone=" + phone(5).replace("+", "%2B"), apiKey).json().get("items").size())
                .as("the refused item made no contact").isZero();
    }

    @Test
    void moreThanAThousandOrNoneIsRefusedWhole() {
        var tooMany = new StringBuilder("{\"messages\": [");
        for (int i = 0; i <= 1_000; i++) {
            tooMany.append(i == 0 ? "" : ",").append("{}");
        }
        var refused = http.post("/api/v1/messages/bulk", apiKey, tooMany.append("]}").toString());
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("type").asString()).endsWith("invalid-bulk");
        assertThat(http.post("/api/v1/messages/bulk", apiKey, "{\"messages\": []}").status()).isEqualTo(400);
    }

    private String phone(int n) {
        return "+9193%02d%06d".formatted(n, run);
    }
}
