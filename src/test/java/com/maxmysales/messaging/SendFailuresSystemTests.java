package com.maxmysales.messaging;

import java.util.List;
import java.util.UUID;

import com.maxmysales.support.Http;
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

/**
 * Every failure of a queued message is published as {@link MessageStatusChanged}, so the business's webhooks and any
 * campaign hear of it: here the dispatcher's own failures, found while the message waited its turn on a number
 * paced at one message a second. (Meta's failures arrive as status webhooks; the unknown outcome of a Graph call or
 * a crash is in {@link GraphTimeoutSystemTests}.)
 */
@PlatformTest
class SendFailuresSystemTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationEventMulticaster multicaster;

    PublishedStatusChanges statusChanges;

    Http http;
    String apiKey;
    long run;

    @BeforeEach
    void aNumberAtOneMessageASecondWithOthersWaiting() {
        statusChanges = new PublishedStatusChanges(multicaster);
        http = new Http(port);
        apiKey = http.createWorkspace("Failures");
        SandboxNumber.connect(http, apiKey, "{\"sandbox\": true, \"messagesPerSecond\": 1}");
        run = Math.abs(UUID.randomUUID().getLeastSignificantBits() % 1_000_000L);
        for (int i = 0; i < 3; i++) {
            assertThat(send(phone(i), "utility").status()).isEqualTo(202);
        }
    }

    @AfterEach
    void stopListening() {
        statusChanges.close();
    }

    /** Before: the dispatcher failed such a message with -6 and told nobody. */
    @Test
    void aMessageWhoseContactHasNoPhoneLeftFailsWithMinus6AndIsPublished() {
        var id = send(phone(9), "utility").json().get("id").asString();
        // As when the contact is known only by their WhatsApp username, which the send path cannot send to yet.
        jdbc.sql("update contacts set phone = null, phone_index = null where id = ?::uuid").param(contactOf(id)).update();

        await(() -> "failed".equals(message(id).get("status").asString()));

        assertThat(message(id).get("errorCode").asInt()).isEqualTo(-6);
        await(() -> published(id, -6));
    }

    @Test
    void aMessageWhoseRecipientWithdrewWhileItWaitedFailsWithMinus5AndIsPublished() {
        var to = phone(8);
        var contact = http.post("/api/v1/contacts", apiKey, """
                {"phone": "%s", "consent": {"purpose": "marketing", "source": "web_form", "basis": "newsletter box"}}"""
                .formatted(to)).json().get("id").asString();
        var id = send(to, "marketing").json().get("id").asString();
        http.post("/api/v1/contacts/" + contact + "/consents", apiKey,
                "{\"purpose\": \"marketing\", \"status\": \"withdrawn\", \"source\": \"agent\"}");

        await(() -> "failed".equals(message(id).get("status").asString()));

        assertThat(message(id).get("errorCode").asInt()).isEqualTo(-5);
        await(() -> published(id, -5));
    }

    private boolean published(String id, int errorCode) {
        return statusChanges.of(id).stream().anyMatch(changed -> changed.status() == MessageStatus.FAILED
                && Integer.valueOf(errorCode).equals(changed.errorCode()));
    }

    private Http.Response send(String to, String purpose) {
        return http.post("/api/v1/messages", apiKey, """
                {"to": "%s", "type": "template", "purpose": "%s", "lane": "campaign",
                 "template": {"name": "order_update", "language": "en"}}""".formatted(to, purpose));
    }

    private String contactOf(String messageId) {
        return jdbc.sql("select contact_id::text from messages where id = ?::uuid").param(messageId).query(String.class).single();
    }

    private tools.jackson.databind.JsonNode message(String id) {
        return http.get("/api/v1/messages/" + id, apiKey).json();
    }

    private String phone(int n) {
        return "+9191%06d%02d".formatted(run, n);
    }
}
