package com.maxmysales.whatsapp;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.maxmysales.support.Http;
import com.maxmysales.support.MetaWebhooks;
import com.maxmysales.support.PlatformTest;
import com.maxmysales.support.SandboxNumber;
import com.maxmysales.support.WebSession;
import com.maxmysales.tenancy.ApiKeyManagement;
import com.maxmysales.tenancy.BusinessUserPrincipal;
import com.maxmysales.tenancy.Role;
import com.maxmysales.tenancy.SignUp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static com.maxmysales.support.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who a customer is, as WhatsApp tells it over time (issue 13): the profile name they give themselves, kept up to
 * date beside the name the business gave them, and a change of number, which moves their contact to the new one.
 */
@PlatformTest
class WhatsAppIdentitySystemTests {

    private static final String PASSWORD = "a long enough password";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    SignUp signUp;
    @Autowired
    ApiKeyManagement apiKeys;

    Http http;
    String apiKey;
    String email;
    String phoneNumberId;
    String run;

    @BeforeEach
    void connectANumber() {
        http = new Http(port);
        email = "identity-" + UUID.randomUUID() + "@shop.example";
        var created = (SignUp.Result.Created) signUp.register(new SignUp.Form("Identity", "Ira Shah", email, PASSWORD,
                true, true));
        apiKey = apiKeys.create(new BusinessUserPrincipal(created.owner(), created.workspace(), Role.OWNER, null),
                "test key", Role.OWNER).key().reveal();
        run = UUID.randomUUID().toString().substring(0, 8);
        phoneNumberId = SandboxNumber.connect(http, apiKey).phoneNumberId();
    }

    @Test
    void theWhatsAppNameFollowsTheCustomerAndNeverReplacesTheBusinessName() {
        var waId = "919822210001";
        writes(waId, "Asha", "wamid.N1-" + run, 1767225600);
        var contact = onlyContact();
        assertThat(contact.get("name").asString()).as("a first profile name names a contact nobody named")
                .isEqualTo("Asha");
        assertThat(contact.get("whatsAppName").asString()).isEqualTo("Asha");
        var id = contact.get("id").asString();
        assertThat(http.patch("/api/v1/contacts/" + id, apiKey, "{\"name\": \"Asha Rao (Pune showroom)\"}").status())
                .isEqualTo(200);

        writes(waId, "Asha R ✨", "wamid.N2-" + run, 1767225700);

        contact = http.get("/api/v1/contacts/" + id, apiKey).json();
        assertThat(contact.get("whatsAppName").asString()).as("the name on WhatsApp now").isEqualTo("Asha R ✨");
        assertThat(contact.get("name").asString()).as("the business's name stays").isEqualTo("Asha Rao (Pune showroom)");
        var stored = jdbc.sql("select whatsapp_name from contacts where id = ?::uuid").param(id).query(byte[].class).single();
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).as("encrypted at rest").doesNotContain("Asha");

        writes(waId, "Asha (old phone)", "wamid.N0-" + run, 1767225650);
        assertThat(whatsAppName(id)).as("a message applied late never puts back an older name").isEqualTo("Asha R ✨");

        var namedAt = namedAt(id);
        writes(waId, "Asha R ✨", "wamid.N3-" + run, 1767225800);
        assertThat(namedAt(id)).as("an unchanged name is not written again").isEqualTo(namedAt);

        var web = new WebSession(port, WebSession.newClientAddress());
        assertThat(web.signIn(email, PASSWORD)).isTrue();
        var page = web.get("/app/contacts/" + id);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"contact-whatsapp-name\"").contains("Asha R ✨")
                .contains("Asha Rao (Pune showroom)");
    }

    @Test
    void aNewNumberMovesTheContactWithItsHistory() {
        var oldWaId = "919822220001";
        var newWaId = "919822220002";
        writes(oldWaId, "Ravi", "wamid.M1-" + run, 1767225600);
        var id = onlyContact().get("id").asString();
        assertThat(http.post("/api/v1/contacts/tags", apiKey, """
                {"contactIds": ["%s"], "add": ["vip"]}""".formatted(id)).status()).isBetween(200, 204);

        changesNumber(oldWaId, newWaId, "wamid.SYS-" + run, 1767225700);

        var contact = http.get("/api/v1/contacts/" + id, apiKey).json();
        assertThat(contact.get("phone").asString()).isEqualTo("+" + newWaId);
        assertThat(contact.get("whatsAppId").asString()).isEqualTo(newWaId);
        assertThat(contact.get("tags").get(0).asString()).isEqualTo("vip");
        assertThat(byPhone("+" + newWaId)).containsExactly(id);
        assertThat(byPhone("+" + oldWaId)).as("the old number is not theirs any more").isEmpty();
        assertThat(messagesOf(id)).containsExactlyInAnyOrder("wamid.M1-" + run, "wamid.SYS-" + run);
        var audited = jdbc.sql("select subject || ' ' || coalesce(detail, '') from audit_log where action = 'contact.number-change' and subject = ?")
                .param("contactId=" + id).query(String.class).single();
        assertThat(audited).as("ids only").doesNotContain(oldWaId).doesNotContain(newWaId).doesNotContain("Ravi");

        writes(newWaId, "Ravi", "wamid.M2-" + run, 1767225800);
        assertThat(messagesOf(id)).as("the new number writes to the same contact").contains("wamid.M2-" + run);
        // Someone else, who has the old number now (another WhatsApp user: another user id, or none).
        post(MetaWebhooks.envelope(phoneNumberId, """
                "contacts": [ { "profile": { "name": "Someone else" }, "wa_id": "%s" } ],
                "messages": [ {"from": "%s", "id": "wamid.M3-%s", "timestamp": "1767225900", "type": "text",
                               "text": {"body": "Hi"}} ]""".formatted(oldWaId, oldWaId, run)));
        var newcomer = byPhone("+" + oldWaId);
        assertThat(newcomer).as("whoever has the old number now is someone else").hasSize(1).doesNotContain(id);
        assertThat(messagesOf(newcomer.getFirst())).containsExactly("wamid.M3-" + run);
    }

    @Test
    void aNewNumberAnotherContactHoldsMergesTheTwo() {
        var oldWaId = "919822230001";
        var newWaId = "919822230002";
        var imported = http.post("/api/v1/contacts", apiKey, """
                {"phone": "+%s", "name": "Meera (imported)"}""".formatted(newWaId)).json().get("id").asString();
        writes(oldWaId, "Meera", "wamid.P1-" + run, 1767225600);
        assertThat(contacts()).hasSize(2);

        changesNumber(oldWaId, newWaId, "wamid.PSYS-" + run, 1767225700);

        var contacts = contacts();
        assertThat(contacts).as("one person, one contact").hasSize(1);
        var survivor = contacts.getFirst();
        assertThat(survivor.get("id").asString()).as("the older survives").isEqualTo(imported);
        assertThat(survivor.get("phone").asString()).isEqualTo("+" + newWaId);
        assertThat(survivor.get("whatsAppId").asString()).as("the new number's WhatsApp id, not the old")
                .isEqualTo(newWaId);
        assertThat(survivor.get("name").asString()).isEqualTo("Meera (imported)");
        assertThat(survivor.get("whatsAppName").asString()).isEqualTo("Meera");
        assertThat(messagesOf(imported)).containsExactlyInAnyOrder("wamid.P1-" + run, "wamid.PSYS-" + run);
        assertThat(http.get("/api/v1/contacts/merges", apiKey).json()).hasSize(1);
    }

    private void writes(String waId, String profileName, String wamid, long epochSeconds) {
        post(MetaWebhooks.inbound(phoneNumberId, waId, profileName, """
                {"from": "%s", "id": "%s", "timestamp": "%d", "type": "text", "text": {"body": "Hello"}}"""
                .formatted(waId, wamid, epochSeconds)));
    }

    /** The system message WhatsApp sends when a user changes number (as recorded in pywa's fixtures). */
    private void changesNumber(String oldWaId, String newWaId, String wamid, long epochSeconds) {
        post(MetaWebhooks.envelope(phoneNumberId, """
                "messages": [ { "from": "%s", "id": "%s", "timestamp": "%d", "type": "system",
                  "system": { "body": "User A changed from %s to %s", "wa_id": "%s", "type": "user_changed_number" } } ]"""
                .formatted(oldWaId, wamid, epochSeconds, oldWaId, newWaId, newWaId)));
    }

    private void post(String body) {
        assertThat(MetaWebhooks.post(http, body).status()).isEqualTo(200);
        await(() -> "processed".equals(jdbc.sql("select state from webhook_events where body_hash = sha256(?)")
                .param(body.getBytes(StandardCharsets.UTF_8)).query(String.class).optional().orElse(null)));
    }

    private String whatsAppName(String id) {
        return http.get("/api/v1/contacts/" + id, apiKey).json().get("whatsAppName").asString();
    }

    private String namedAt(String id) {
        return jdbc.sql("select whatsapp_name_at::text from contacts where id = ?::uuid").param(id).query(String.class).single();
    }

    private JsonNode onlyContact() {
        var contacts = contacts();
        assertThat(contacts).hasSize(1);
        return contacts.getFirst();
    }

    private List<JsonNode> contacts() {
        var found = new ArrayList<JsonNode>();
        http.get("/api/v1/contacts?limit=100", apiKey).json().get("items").forEach(found::add);
        return found;
    }

    private List<String> byPhone(String phone) {
        var ids = new ArrayList<String>();
        var found = http.get("/api/v1/contacts?phone=" + phone.replace("+", "%2B"), apiKey);
        assertThat(found.status()).as(found.body()).isEqualTo(200);
        found.json().get("items").forEach(contact -> ids.add(contact.get("id").asString()));
        return ids;
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
