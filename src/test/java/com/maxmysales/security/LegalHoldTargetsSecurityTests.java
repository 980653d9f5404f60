package com.maxmysales.security;

import java.util.UUID;

import com.maxmysales.support.Http;
import com.maxmysales.support.MetaWebhooks;
import com.maxmysales.support.PlatformTest;
import com.maxmysales.support.SandboxNumber;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.maxmysales.support.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A legal hold names a record of its own workspace, and a hold never stands in the way of erasing anything it
 * does not hold. Before, a hold on a mistyped conversation id was accepted, and from then on every erasure in
 * the workspace failed with a 500.
 */
@PlatformTest
class LegalHoldTargetsSecurityTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    Http http;
    String mine;
    String theirs;
    long run;

    @BeforeEach
    void twoWorkspaces() {
        http = new Http(port);
        mine = http.createWorkspace("Holder");
        theirs = http.createWorkspace("Someone else");
        run = Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000L);
    }

    /** Issue 11, item 8: a hold on an unknown id, or on another workspace's conversation or contact, is a 404 problem. */
    @Test
    void aHoldMustNameAContactOrConversationOfTheWorkspace() {
        var theirConversation = conversation(theirs, 1);
        var theirContact = contactOf(theirs, waId(1));

        for (var target : new String[][] {{"conversation", UUID.randomUUID().toString()}, {"conversation", theirConversation},
                {"contact", UUID.randomUUID().toString()}, {"contact", theirContact}}) {
            var placed = hold(mine, target[0], target[1]);
            assertThat(placed.status()).as(String.join(" ", target) + ": " + placed.body()).isEqualTo(404);
            assertThat(placed.header("Content-Type")).startsWith("application/problem+json");
            assertThat(placed.json().get("type").asString()).isEqualTo("urn:maxmysales:problem:not-found");
        }
        assertThat(http.get("/api/v1/privacy/legal-holds", mine).json()).isEmpty();
        assertThat(hold(mine, "conversation", conversation(mine, 2)).status()).as("its own conversation").isEqualTo(201);
        assertThat(erase(mine, newContact(mine))).isEqualTo(204);
    }

    /**
     * Issue 11, item 8: a hold whose record is gone (placed on a mistyped id before holds were checked, or a record
     * that vanished) holds nobody: erasures in the workspace go on.
     */
    @Test
    void aHoldWhoseRecordIsGoneBlocksNoErasure() {
        var conversation = conversation(mine, 3);
        var placed = hold(mine, "conversation", conversation);
        assertThat(placed.status()).isEqualTo(201);
        jdbc.sql("update legal_holds set record_id = ? where id = ?")
                .params(UUID.randomUUID(), UUID.fromString(placed.json().get("id").asString())).update();

        var erased = http.delete("/api/v1/contacts/" + newContact(mine), mine);
        assertThat(erased.status()).as(erased.body()).isEqualTo(204);
        assertThat(http.post("/api/v1/contacts", mine, "{\"phone\": \"+9195%07d\"}".formatted(run)).status()).isEqualTo(201);
        var request = http.post("/api/v1/privacy/requests", mine, "{\"type\": \"erasure\", \"phone\": \"+9195%07d\"}"
                .formatted(run));
        assertThat(request.status()).as(request.body()).isEqualTo(202);
        assertThat(http.get("/api/v1/privacy/requests/" + request.json().get("id").asString(), mine).json()
                .get("status").asString()).isEqualTo("completed");
    }

    private Http.Response hold(String apiKey, String type, String id) {
        return http.post("/api/v1/privacy/legal-holds", apiKey, """
                {"recordType": "%s", "recordId": "%s", "reason": "litigation 2026/17"}""".formatted(type, id));
    }

    private int erase(String apiKey, String contact) {
        return http.delete("/api/v1/contacts/" + contact, apiKey).status();
    }

    private String newContact(String apiKey) {
        var created = http.post("/api/v1/contacts", apiKey, "{\"phone\": \"+9196%07d\"}".formatted(run));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    /** A customer writes to the workspace's number: the conversation it opens. */
    private String conversation(String apiKey, int customer) {
        var phoneNumberId = SandboxNumber.connect(http, apiKey).phoneNumberId();
        var waId = waId(customer);
        var message = """
                { "from": "%s", "id": "wamid.HOLD%s", "timestamp": "1767225660", "type": "text", "text": { "body": "hi" } }"""
                .formatted(waId, waId);
        assertThat(MetaWebhooks.post(http, MetaWebhooks.inbound(phoneNumberId, waId, "Held Person", message)).status())
                .isEqualTo(200);
        await(() -> conversationOf(apiKey, waId) != null);
        return conversationOf(apiKey, waId);
    }

    private String waId(int customer) {
        return String.valueOf(919_400_000_000L + run * 10 + customer);
    }

    private String contactOf(String apiKey, String waId) {
        var contacts = http.get("/api/v1/contacts?phone=%2B" + waId, apiKey).json().get("items");
        return contacts.isEmpty() ? null : contacts.get(0).get("id").asString();
    }

    private String conversationOf(String apiKey, String waId) {
        var contact = contactOf(apiKey, waId);
        if (contact == null) {
            return null;
        }
        var conversations = http.get("/api/v1/conversations?contactId=" + contact, apiKey).json().get("items");
        return conversations.isEmpty() ? null : conversations.get(0).get("id").asString();
    }
}
