package com.maxmysales.messaging;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import com.maxmysales.platform.DataDirectory;
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
import org.springframework.context.event.ApplicationEventMulticaster;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.maxmysales.support.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;

/** Sending through the built-in sandbox over real HTTP: Meta's statuses come back as signed webhooks. */
@PlatformTest
class MessagingSystemTests {

    private static final String TEMPLATE = """
            {"to": "%s", "type": "template", "purpose": "utility", "template": {"name": "order_update", "language": "en_US",
             "components": [{"type": "body", "parameters": [{"type": "text", "text": "42"}]}]}}""";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    SandboxFaults faults;
    @Autowired
    DataDirectory dataDirectory;
    @Autowired
    ApplicationEventMulticaster multicaster;

    PublishedStatusChanges statusChanges;

    Http http;
    String apiKey;
    String phoneNumberId;
    String customer;
    /** A second number of the test's, given faults of its own. */
    SandboxNumber refusing;

    @BeforeEach
    void aConnectedNumber() {
        statusChanges = new PublishedStatusChanges(multicaster);
        http = new Http(port);
        apiKey = http.createWorkspace("Messaging");
        var run = Math.abs(UUID.randomUUID().getLeastSignificantBits() % 100_000_000L);
        phoneNumberId = SandboxNumber.connect(http, apiKey).phoneNumberId();
        customer = "+9198" + String.format("%08d", run);
    }

    @AfterEach
    void noFaults() {
        faults.reset(phoneNumberId);
        if (refusing != null) {
            faults.reset(refusing.phoneNumberId());
        }
        statusChanges.close();
    }

    @Test
    void aReplyToACustomerIsSentDeliveredAndRead() {
        customerWrites("Hi, is the 2BHK available?");

        var queued = http.post("/api/v1/messages", apiKey, """
                {"to": "%s", "type": "text", "text": "Yes! Would you like to visit on Saturday?"}""".formatted(customer));

        assertThat(queued.status()).isEqualTo(202);
        assertThat(queued.json().get("status").asString()).isEqualTo("queued");
        var id = queued.json().get("id").asString();
        await(() -> "read".equals(status(id)));
        var message = http.get("/api/v1/messages/" + id, apiKey).json();
        assertThat(message.get("wamid").asString()).startsWith("wamid.");
        var sentAt = java.time.Instant.parse(message.get("sentAt").asString());
        var deliveredAt = java.time.Instant.parse(message.get("deliveredAt").asString());
        var readAt = java.time.Instant.parse(message.get("readAt").asString());
        // Meta's statuses carry whole seconds; ours (sent when Meta accepted) is finer.
        assertThat(sentAt.truncatedTo(java.time.temporal.ChronoUnit.SECONDS)).isBeforeOrEqualTo(deliveredAt);
        assertThat(deliveredAt).isBeforeOrEqualTo(readAt);
    }

    @Test
    void freeFormOutsideTheWindowIsRefusedWhileATemplateGoesOut() {
        var freeForm = http.post("/api/v1/messages", apiKey, """
                {"to": "%s", "type": "text", "text": "Hello there"}""".formatted(customer));
        var template = http.post("/api/v1/messages", apiKey, TEMPLATE.formatted(customer));

        assertThat(freeForm.status()).isEqualTo(422);
        assertThat(freeForm.json().get("type").asString()).isEqualTo("urn:maxmysales:problem:outside-service-window");
        assertThat(template.status()).isEqualTo(202);
        var id = template.json().get("id").asString();
        await(() -> "read".equals(status(id)));
    }

    @Test
    void theSameIdempotencyKeyGivesTheSameMessageAndOneSend() {
        var key = Map.of("Idempotency-Key", "order-42-" + UUID.randomUUID());
        var first = http.post("/api/v1/messages", apiKey, TEMPLATE.formatted(customer), key);
        var again = http.post("/api/v1/messages", apiKey, TEMPLATE.formatted(customer), key);

        assertThat(again.json().get("id").asString()).isEqualTo(first.json().get("id").asString());
        var id = first.json().get("id").asString();
        await(() -> "read".equals(status(id)));
        // Kept under the caller's scope ("api:<caller>:<key>"), so that another key's same key is another message.
        assertThat(jdbc.sql("select count(*) from messages where idempotency_key like ?")
                .param("api:%:" + key.get("Idempotency-Key")).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void rateLimitsAndServerErrorsAreRetriedUntilSentOnce() {
        faults.use(phoneNumberId, new SandboxSettings.Faults(1, 0, true, 0, 0, Duration.ofSeconds(35), false));
        var limited = http.post("/api/v1/messages", apiKey, TEMPLATE.formatted(customer)).json().get("id").asString();
        await(() -> errorCode(limited) != null && errorCode(limited) == 130429);
        faults.use(phoneNumberId, new SandboxSettings.Faults(0, 0, true, 1, 0, Duration.ofSeconds(35), false));
        await(() -> errorCode(limited) != null && errorCode(limited) == 131000);
        assertThat(status(limited)).as("still waiting for a retry").isEqualTo("queued");

        faults.reset(phoneNumberId);

        await(() -> "read".equals(status(limited)));
        var attempts = jdbc.sql("select attempts from messages where id = ?::uuid").param(limited).query(Integer.class).single();
        assertThat(attempts).isGreaterThanOrEqualTo(3);
        assertThat(jdbc.sql("select count(distinct wamid) from messages where id = ?::uuid").param(limited)
                .query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void statusesArrivingOutOfOrderAndTwiceEndInTheRightState() {
        // A number whose every send Meta refuses (HTTP 500): the message stays queued, retried, never sent by us.
        refusing = SandboxNumber.connect(http, apiKey);
        faults.use(refusing.phoneNumberId(), new SandboxSettings.Faults(0, 0, true, 1.0, 0, Duration.ofSeconds(35), true));
        var channel = refusing.channelId();
        var id = http.post("/api/v1/messages", apiKey, """
                {"to": "%s", "channelId": "%s", "type": "template", "purpose": "utility", "template": {"name": "hello", "language": "en"}}"""
                .formatted(customer, channel)).json().get("id").asString();
        var recipient = customer.substring(1);
        var wamid = "wamid.OUTOFORDER" + UUID.randomUUID();
        var read = MetaWebhooks.statuses(refusing.phoneNumberId(),
                withCallback(MetaWebhooks.status(wamid, "read", 1767229300, recipient), id));

        // One after the other, so the order is the one under test (workers apply concurrent POSTs in any order).
        postAndAwaitApplied(read);
        postAndAwaitApplied(MetaWebhooks.statuses(refusing.phoneNumberId(),
                withCallback(MetaWebhooks.status(wamid, "delivered", 1767229250, recipient), id),
                withCallback(MetaWebhooks.status(wamid, "sent", 1767229200, recipient), id)));
        postAndAwaitApplied(read.replace("\"object\"", "\"again\": true, \"object\""));

        assertThat(status(id)).isEqualTo("read");
        assertThat(http.get("/api/v1/messages/" + id, apiKey).json().get("wamid").asString()).isEqualTo(wamid);
        await(() -> statusEvents(id) >= 1);
        assertThat(statusEvents(id)).as("one transition, one event").isEqualTo(1);
    }

    @Test
    void aBatchOfStatusesOfOneMessageMovesItOnceAndReportsEachStepAndALaterStatusOnlyNotesItsPrice() {
        refusing = SandboxNumber.connect(http, apiKey);
        faults.use(refusing.phoneNumberId(), new SandboxSettings.Faults(0, 0, true, 1.0, 0, Duration.ofSeconds(35), true));
        var id = http.post("/api/v1/messages", apiKey, """
                {"to": "%s", "channelId": "%s", "type": "template", "purpose": "utility", "template": {"name": "hello", "language": "en"}}"""
                .formatted(customer, refusing.channelId())).json().get("id").asString();
        var recipient = customer.substring(1);
        var wamid = "wamid.FOLDED" + UUID.randomUUID();

        // One POST, out of order and with a repeat: applied in one statement, as if in order.
        postAndAwaitApplied(MetaWebhooks.statuses(refusing.phoneNumberId(),
                withCallback(MetaWebhooks.status(wamid, "read", 1767229300, recipient), id),
                withCallback(MetaWebhooks.status(wamid, "sent", 1767229200, recipient), id),
                withCallback(MetaWebhooks.status(wamid, "delivered", 1767229250, recipient), id),
                withCallback(MetaWebhooks.status(wamid, "delivered", 1767229260, recipient), id)));

        assertThat(status(id)).isEqualTo("read");
        var times = jdbc.sql("""
                select extract(epoch from sent_at)::bigint, extract(epoch from delivered_at)::bigint,
                       extract(epoch from read_at)::bigint from messages where id = ?::uuid""")
                .param(id).query((rs, n) -> List.of(rs.getLong(1), rs.getLong(2), rs.getLong(3))).single();
        assertThat(times).containsExactly(1767229200L, 1767229250L, 1767229300L);
        await(() -> statusEvents(id) >= 3);
        assertThat(statusChanges.of(id).stream().map(changed -> changed.status().code()).toList())
                .as("each step once, in order").containsExactly("sent", "delivered", "read");

        // Read never goes back to delivered; the late status's price is noted all the same.
        postAndAwaitApplied(MetaWebhooks.statuses(refusing.phoneNumberId(),
                withCallback(MetaWebhooks.status(wamid, "delivered", 1767229400, recipient), id)
                        .replace("\"category\": \"service\"", "\"category\": \"marketing\"")));
        assertThat(status(id)).isEqualTo("read");
        assertThat(jdbc.sql("select pricing_category from messages where id = ?::uuid").param(id).query(String.class)
                .single()).isEqualTo("marketing");
        assertThat(statusEvents(id)).isEqualTo(3);
    }

    @Test
    void mediaGoesBothWaysAndIsKeptEncryptedOnDisk() throws Exception {
        var image = new byte[4096];
        new Random(7).nextBytes(image);
        System.arraycopy(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0}, 0, image, 0, 4);
        var uploaded = upload(image);
        assertThat(uploaded.status()).isEqualTo(201);
        var metaMediaId = uploaded.json().get("metaMediaId").asString();

        var wrote = http.post("/sandbox/customers/" + customer.replace("+", "%2B") + "/messages", apiKey, """
                {"to": "%s", "name": "Asha Rao", "type": "image", "image": {"id": "%s", "mime_type": "image/jpeg",
                 "caption": "Is this the plan?"}}""".formatted(phoneNumberId, metaMediaId));
        assertThat(wrote.status()).isEqualTo(202);

        var contact = new AtomicReference<String>();
        await(() -> {
            var items = http.get("/api/v1/contacts?phone=" + customer.replace("+", "%2B"), apiKey).json().get("items");
            contact.set(items.isEmpty() ? null : items.get(0).get("id").asString());
            return contact.get() != null;
        });
        var mediaId = new AtomicReference<String>();
        await(() -> {
            for (var conversation : http.get("/api/v1/conversations?contactId=" + contact.get(), apiKey).json().get("items")) {
                for (var message : http.get("/api/v1/conversations/" + conversation.get("id").asString() + "/messages", apiKey)
                        .json().get("items")) {
                    if (message.has("mediaId") && !message.get("mediaId").isNull()) {
                        mediaId.set(message.get("mediaId").asString());
                    }
                }
            }
            return mediaId.get() != null;
        });
        var downloaded = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/api/v1/media/" + mediaId.get()))
                .header("Authorization", "Bearer " + apiKey).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(downloaded.statusCode()).isEqualTo(200);
        assertThat(downloaded.headers().firstValue("Content-Type")).hasValue("image/jpeg");
        assertThat(downloaded.body()).isEqualTo(image);
        try (var files = Files.walk(dataDirectory.root().resolve("media"))) {
            var stored = files.filter(Files::isRegularFile).toList();
            assertThat(stored).hasSizeGreaterThanOrEqualTo(2);
            for (var file : stored) {
                var bytes = Files.readAllBytes(file);
                assertThat(indexOf(bytes, Arrays.copyOfRange(image, 100, 132))).as("plaintext on disk").isEqualTo(-1);
            }
        }
    }

    private Http.Response upload(byte[] file) throws Exception {
        var boundary = "test" + UUID.randomUUID().toString().replace("-", "");
        var body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"plan.jpg\"\r\n"
                + "Content-Type: image/jpeg\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(file);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/api/v1/media"))
                .header("Authorization", "Bearer " + apiKey)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString());
        return new Http.Response(response.statusCode(), response.headers().map(), response.body());
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** Waits for this webhook's own raw event: others' pending events are none of this test's business. */
    private void postAndAwaitApplied(String webhook) {
        assertThat(MetaWebhooks.post(http, webhook).status()).isEqualTo(200);
        await(() -> jdbc.sql("select count(*) from webhook_events where body_hash = sha256(?) and state <> 'pending'")
                .param(webhook.getBytes(StandardCharsets.UTF_8)).query(Integer.class).single() == 1);
    }

    private static String withCallback(String status, String messageId) {
        return status.replace("\"status\":", "\"biz_opaque_callback_data\": \"" + messageId + "\", \"status\":");
    }

    private long statusEvents(String messageId) {
        return statusChanges.of(messageId).size();
    }

    private void customerWrites(String text) {
        var wrote = http.post("/sandbox/customers/" + customer.replace("+", "%2B") + "/messages", apiKey, """
                {"to": "%s", "name": "Asha Rao", "text": "%s"}""".formatted(phoneNumberId, text));
        assertThat(wrote.status()).isEqualTo(202);
        await(() -> !http.get("/api/v1/contacts?phone=" + customer.replace("+", "%2B"), apiKey).json().get("items").isEmpty()
                && http.get("/api/v1/conversations?contactId=" + http.get("/api/v1/contacts?phone=" + customer.replace("+", "%2B"),
                        apiKey).json().get("items").get(0).get("id").asString(), apiKey).json().get("items").size() == 1);
    }

    private String status(String id) {
        return http.get("/api/v1/messages/" + id, apiKey).json().get("status").asString();
    }

    private Integer errorCode(String id) {
        var code = http.get("/api/v1/messages/" + id, apiKey).json().get("errorCode");
        return code == null || code.isNull() ? null : code.asInt();
    }
}
