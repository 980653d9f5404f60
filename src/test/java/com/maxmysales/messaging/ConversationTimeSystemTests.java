package com.maxmysales.messaging;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import java.util.UUID;

import com.maxmysales.platform.DataDirectory;
import com.maxmysales.support.ClockedPlatformTest;
import com.maxmysales.support.Http;
import com.maxmysales.support.MutableClock;
import com.maxmysales.support.SandboxNumber;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static com.maxmysales.support.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a conversation's clock decides, on the platform whose clock the tests move: when it ends (the idle timeout,
 * 24 hours by default), that its content, media files included, goes 30 days after it ended, and when free-form
 * replies stop (Meta's 24-hour window). The idle sweep runs every minute on its own; the test runs it at once after
 * moving the clock rather than wait for it.
 */
@ClockedPlatformTest
class ConversationTimeSystemTests {

    private static final Duration MINUTE = Duration.ofMinutes(1);

    @LocalServerPort
    int port;
    @Autowired
    MutableClock clock;
    @Autowired
    ConversationLifecycle lifecycle;
    @Autowired
    DataDirectory dataDirectory;
    @Autowired
    JdbcClient jdbc;

    Http http;
    String apiKey;
    SandboxNumber number;
    String customer;

    @BeforeEach
    void aNumberAndACustomer() {
        http = new Http(port);
        apiKey = http.createWorkspace("Conversation clock");
        number = SandboxNumber.connect(http, apiKey);
        customer = "+9198" + String.format("%08d", Math.abs(UUID.randomUUID().getLeastSignificantBits() % 100_000_000L));
    }

    /**
     * Mutations caught: an idle sweep that ignores the timeout (ConversationLifecycle) → ended after 23 h 59 min:
     * fails; the end dated at the last message instead of when it ended (Conversations.endIdle) → fails; purged media
     * rows whose files stay on disk (MediaStore.delete) → fails.
     */
    @Test
    void aConversationEndsAfterItsIdleTimeoutAndItsContentAndMediaFilesGoThirtyDaysLater() throws Exception {
        number.customerWritesText(customer, "Asha Rao", "Is the 2BHK still free?");
        var image = new byte[4096];
        new Random(7).nextBytes(image);
        number.customerWritesImage(customer, "Asha Rao", image, "this one");
        await(() -> conversation() != null && messages().size() == 2 && mediaFiles().size() == 1);
        var file = mediaFiles().getFirst();
        assertThat(file).exists();

        clock.advance(Duration.ofHours(24).minus(MINUTE));
        lifecycle.endIdleConversations();
        assertThat(conversation().get("state").asString()).as("idle for 23 h 59 min").isEqualTo("open");

        clock.advance(MINUTE.multipliedBy(2));
        lifecycle.endIdleConversations();
        var ended = conversation();
        assertThat(ended.get("state").asString()).as("idle for 24 h 1 min").isEqualTo("ended");
        assertThat(Instant.parse(ended.get("endedAt").asString())).as("the content clock starts now").isEqualTo(clock.instant());

        clock.advance(Duration.ofDays(30).minus(MINUTE));
        assertThat(http.post("/api/v1/privacy/purges", apiKey, "{}").status()).isEqualTo(200);
        assertThat(messages()).as("29 days 23 h 59 min after it ended").allSatisfy(message ->
                assertThat(message.path("text").isString()).isTrue());
        assertThat(file).exists();

        clock.advance(MINUTE.multipliedBy(2));
        assertThat(http.post("/api/v1/privacy/purges", apiKey, "{}").status()).isEqualTo(200);
        assertThat(messages()).as("30 days and a minute after it ended").hasSize(2).allSatisfy(message ->
                assertThat(message.path("text").isMissingNode() || message.get("text").isNull()).isTrue());
        assertThat(file).as("the media file").doesNotExist();
        assertThat(mediaFiles()).isEmpty();
    }

    /**
     * Free-form replies are accepted for 24 hours after the customer's last message and refused after, while a
     * template still goes. Widen OutboundMessages' window (MessagingSettings.SERVICE_WINDOW) → a reply after 24 h 1 min
     * is queued: fails.
     */
    @Test
    void freeFormRepliesAreRefusedOnceTwentyFourHoursPassedSinceTheCustomersLastMessage() {
        number.customerWritesText(customer, "Vikram Singh", "Do you deliver on Sunday?");
        await(() -> conversation() != null);

        clock.advance(Duration.ofHours(24).minus(MINUTE));
        var inside = reply("Yes, we do.");
        assertThat(inside.status()).as(inside.body()).isEqualTo(202);
        await(() -> !status(inside.json().get("id").asString()).equals("queued"));

        clock.advance(MINUTE.multipliedBy(2));
        var outside = reply("And on holidays too.");
        var template = http.post("/api/v1/messages", apiKey, """
                {"to": "%s", "type": "template", "purpose": "utility", "template": {"name": "order_update", "language": "en_US"}}"""
                .formatted(customer));

        assertThat(outside.status()).as(outside.body()).isEqualTo(422);
        assertThat(outside.json().get("type").asString()).isEqualTo("urn:maxmysales:problem:outside-service-window");
        assertThat(template.status()).isEqualTo(202);
    }

    private Http.Response reply(String text) {
        return http.post("/api/v1/messages", apiKey, """
                {"to": "%s", "type": "text", "text": "%s"}""".formatted(customer, text));
    }

    private String status(String id) {
        return http.get("/api/v1/messages/" + id, apiKey).json().get("status").asString();
    }

    private JsonNode conversation() {
        var contacts = http.get("/api/v1/contacts?phone=" + customer.replace("+", "%2B"), apiKey).json().get("items");
        if (contacts.isEmpty()) {
            return null;
        }
        var conversations = http.get("/api/v1/conversations?contactId=" + contacts.get(0).get("id").asString(), apiKey)
                .json().get("items");
        return conversations.isEmpty() ? null : conversations.get(0);
    }

    private java.util.List<JsonNode> messages() {
        return http.get("/api/v1/conversations/" + conversation().get("id").asString() + "/messages", apiKey).json()
                .get("items").valueStream().toList();
    }

    private java.util.List<Path> mediaFiles() {
        var workspace = http.get("/api/v1/workspace", apiKey).json().get("id").asString();
        return jdbc.sql("select id from media_files where workspace_id = cast(? as uuid) and message_id is not null")
                .param(workspace).query(UUID.class).list().stream()
                .map(id -> dataDirectory.root().resolve("media").resolve(workspace).resolve(id + ".bin")).toList();
    }
}
