package com.maxmysales.whatsapp;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
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
import tools.jackson.databind.JsonNode;

import static com.maxmysales.support.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A person known by two contacts (one from their number, one from their business-scoped user id alone) writes with
 * both identities: the two contacts become one and the message is stored (issue 13, item 2). Before the merge the
 * event failed on {@code contacts_whatsapp_user} eight times and ended {@code failed}, after Meta had its 200.
 */
@PlatformTest
class OnePersonOneContactSystemTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    Http http;
    String apiKey;
    String phoneNumberId;
    String run;

    @BeforeEach
    void connectANumber() {
        http = new Http(port);
        apiKey = http.createWorkspace("One person");
        run = UUID.randomUUID().toString().substring(0, 8);
        phoneNumberId = SandboxNumber.connect(http, apiKey).phoneNumberId();
    }

    @Test
    void aMessageNamingTheIdentitiesOfTwoContactsMergesThemAndIsStored() {
        var waId = "919822200001";
        var userId = "IN.BSUID-" + run;
        var image = MetaWebhooks.envelope(phoneNumberId, """
                "contacts": [ { "profile": { "name": "Asha" }, "wa_id": "%s" } ],
                "messages": [ %s ]""".formatted(waId, MetaWebhooks.fixture("messages/image.json")
                .replace("wamid.IMAGE", "wamid.IMAGE-" + run).replace("919811122233", waId)));
        var bsuidOnly = MetaWebhooks.envelope(phoneNumberId, """
                "contacts": [ { "profile": { "name": "Asha R" }, "user_id": "%s" } ],
                "messages": [ { "id": "wamid.BSUID-%s", "timestamp": "1767225800", "type": "text",
                                "text": { "body": "Hello again" } } ]""".formatted(userId, run));
        var both = MetaWebhooks.envelope(phoneNumberId, """
                "contacts": [ { "profile": { "name": "Asha" }, "wa_id": "%s", "user_id": "%s" } ],
                "messages": [ { "from": "%s", "id": "wamid.BOTH-%s", "timestamp": "1767225900", "type": "text",
                                "text": { "body": "Is it still available?" } } ]""".formatted(waId, userId, waId, run));

        assertThat(MetaWebhooks.post(http, image).status()).isEqualTo(200);
        await(() -> "processed".equals(state(image)));
        assertThat(MetaWebhooks.post(http, bsuidOnly).status()).isEqualTo(200);
        await(() -> "processed".equals(state(bsuidOnly)));
        var before = contacts();
        assertThat(before).as("two contacts: nothing yet says they are one person").hasSize(2);
        var userOnly = before.stream().filter(contact -> contact.get("phone") == null || contact.get("phone").isNull())
                .findFirst().orElseThrow().get("id").asString();

        assertThat(MetaWebhooks.post(http, both).status()).isEqualTo(200);

        await(() -> "processed".equals(state(both)));
        var contacts = contacts();
        assertThat(contacts).as("one person, one contact").hasSize(1);
        var contact = contacts.getFirst();
        assertThat(contact.get("phone").asString()).isEqualTo("+" + waId);
        assertThat(contact.get("whatsAppId").asString()).isEqualTo(waId);
        assertThat(messagesOf(contact.get("id").asString())).as("every message, on the contact that survived")
                .containsExactlyInAnyOrder("wamid.IMAGE-" + run, "wamid.BSUID-" + run, "wamid.BOTH-" + run);

        var later = bsuidOnly.replace("wamid.BSUID-", "wamid.LATER-");
        assertThat(MetaWebhooks.post(http, later).status()).isEqualTo(200);
        await(() -> "processed".equals(state(later)));
        assertThat(contacts()).as("the user id found the survivor").hasSize(1);
        assertThat(messagesOf(contact.get("id").asString())).contains("wamid.LATER-" + run);

        var merges = http.get("/api/v1/contacts/merges", apiKey).json();
        assertThat(merges).hasSize(1);
        var merge = merges.get(0);
        assertThat(merge.get("survivorContactId").asString()).isEqualTo(contact.get("id").asString());
        assertThat(merge.get("mergedContactId").asString()).isEqualTo(userOnly);
        var audited = jdbc.sql("select subject || ' ' || detail from audit_log where action = 'contact.merge' and detail like :merge")
                .param("merge", "%" + merge.get("id").asString() + "%").query(String.class).single();
        assertThat(audited).as("ids only").contains(userOnly).doesNotContain(waId).doesNotContain("Asha");
        undoAndCheck(merge.get("id").asString(), contact.get("id").asString(), userOnly);
    }

    /** The merged contact comes back with what moved; what came to the survivor after the merge stays with it. */
    private void undoAndCheck(String mergeId, String survivor, String restored) {
        var undone = http.post("/api/v1/contacts/merges/" + mergeId + "/undo", apiKey, "");
        assertThat(undone.status()).as(undone.body()).isEqualTo(200);
        assertThat(contacts()).extracting(contact -> contact.get("id").asString())
                .containsExactlyInAnyOrder(survivor, restored);
        assertThat(messagesOf(restored)).containsExactly("wamid.BSUID-" + run);
        assertThat(messagesOf(survivor)).containsExactlyInAnyOrder("wamid.IMAGE-" + run, "wamid.BOTH-" + run,
                "wamid.LATER-" + run);
        assertThat(http.post("/api/v1/contacts/merges/" + mergeId + "/undo", apiKey, "").status())
                .as("an undo is done once").isEqualTo(404);
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'contact.merge-undo' and detail like :merge")
                .param("merge", "%" + mergeId + "%").query(Integer.class).single()).isEqualTo(1);
    }

    private String state(String body) {
        return jdbc.sql("select state from webhook_events where body_hash = sha256(?)")
                .param(body.getBytes(StandardCharsets.UTF_8)).query(String.class).optional().orElse(null);
    }

    private List<JsonNode> contacts() {
        var found = new ArrayList<JsonNode>();
        http.get("/api/v1/contacts?limit=100", apiKey).json().get("items").forEach(found::add);
        return found;
    }

    private List<String> messagesOf(String contactId) {
        var wamids = new ArrayList<String>();
        for (var conversation : http.get("/api/v1/conversations?contactId=" + contactId, apiKey).json().get("items")) {
            http.get("/api/v1/conversations/" + conversation.get("id").asString() + "/messages?limit=500", apiKey)
                    .json().get("items").forEach(message -> wamids.add(message.get("wamid").asString()));
        }
        return wamids;
    }
}
