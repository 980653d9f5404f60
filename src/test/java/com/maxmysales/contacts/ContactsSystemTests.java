package com.maxmysales.contacts;

import java.util.UUID;

import com.maxmysales.support.Http;
import com.maxmysales.support.MetaWebhooks;
import com.maxmysales.support.PlatformTest;
import com.maxmysales.support.SandboxNumber;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.maxmysales.support.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;

/** The contacts API and the consent answer of the send API, over HTTP against real PostgreSQL. */
@PlatformTest
class ContactsSystemTests {

    @LocalServerPort
    int port;

    Http http;
    String apiKey;
    String phoneNumberId;
    long run;

    @BeforeEach
    void aWorkspaceWithANumber() {
        http = new Http(port);
        apiKey = http.createWorkspace("Contacts");
        run = Math.abs(UUID.randomUUID().getMostSignificantBits() % 100_000L);
        phoneNumberId = SandboxNumber.connect(http, apiKey).phoneNumberId();
    }

    @Test
    void aNumberTypedAnyWayIsOneContactAlsoWhenThePersonWritesOnWhatsApp() {
        var local = "098%03d 1%04d".formatted(run % 1000, run % 10_000);
        var e164 = "+9198%03d1%04d".formatted(run % 1000, run % 10_000);
        var created = http.post("/api/v1/contacts", apiKey, """
                {"phone": "%s", "name": "Asha", "email": "Asha@Example.com", "tags": ["VIP", "diwali"]}""".formatted(local));
        assertThat(created.status()).isEqualTo(201);
        var id = created.json().get("id").asString();
        assertThat(created.json().get("phone").asString()).isEqualTo(e164);
        assertThat(created.json().get("optedOut").asBoolean()).isFalse();
        assertThat(created.json().get("tags").toString()).isEqualTo("[\"diwali\",\"vip\"]");

        var again = http.post("/api/v1/contacts", apiKey, "{\"phone\": \"" + e164 + "\"}");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("type").asString()).isEqualTo("urn:maxmysales:problem:contact-exists");
        assertThat(again.json().get("contactId").asString()).isEqualTo(id);

        var byLocalNotation = http.get("/api/v1/contacts?phone=" + local.replace(" ", "%20"), apiKey).json().get("items");
        assertThat(byLocalNotation).hasSize(1);
        assertThat(byLocalNotation.get(0).get("id").asString()).isEqualTo(id);
        assertThat(http.get("/api/v1/contacts?email=asha@example.com", apiKey).json().get("items").get(0).get("id")
                .asString()).isEqualTo(id);

        var message = """
                { "from": "%s", "id": "wamid.CONTACT%d", "timestamp": "1767225660", "type": "text", "text": { "body": "hi" } }"""
                .formatted(e164.substring(1), run);
        MetaWebhooks.post(http, MetaWebhooks.inbound(phoneNumberId, e164.substring(1), "Asha R", message));
        await(() -> !http.get("/api/v1/contacts/" + id, apiKey).json().path("lastInboundAt").isMissingNode());
        assertThat(http.get("/api/v1/contacts?tag=vip", apiKey).json().get("items")).hasSize(1);
        assertThat(http.get("/api/v1/contacts/" + id, apiKey).json().get("whatsAppId").asString())
                .as("the WhatsApp sender was found as the imported number, not added twice").isEqualTo(e164.substring(1));
    }

    @Test
    void typedAttributesTagsAndEditsByPatchAndInBulk() {
        assertThat(http.post("/api/v1/contacts/attributes", apiKey, "{\"key\": \"orders\", \"type\": \"number\"}").status())
                .isEqualTo(201);
        http.post("/api/v1/contacts/attributes", apiKey, "{\"key\": \"city\", \"type\": \"text\"}");
        var id = http.post("/api/v1/contacts", apiKey, "{\"phone\": \"+9198765%05d\"}".formatted(run)).json().get("id").asString();

        var patched = http.patch("/api/v1/contacts/" + id, apiKey, """
                {"name": "Ravi", "attributes": {"orders": "3", "city": "Pune"}, "tags": ["Repeat"]}""");
        assertThat(patched.status()).isEqualTo(200);
        assertThat(patched.json().get("attributes").get("orders").asInt()).isEqualTo(3);
        assertThat(patched.json().get("tags").get(0).asString()).isEqualTo("repeat");
        var wrongType = http.patch("/api/v1/contacts/" + id, apiKey, "{\"attributes\": {\"orders\": \"many\"}}");
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(wrongType.json().get("type").asString()).isEqualTo("urn:maxmysales:problem:invalid-attribute");
        var cleared = http.patch("/api/v1/contacts/" + id, apiKey, "{\"name\": \"\", \"attributes\": {\"city\": null}}").json();
        assertThat(cleared.path("name").isMissingNode()).isTrue();
        assertThat(cleared.get("attributes").has("city")).isFalse();

        var bulk = http.post("/api/v1/contacts/bulk", apiKey, """
                {"contacts": [{"phone": "+9198765%05d", "name": "Ravi K"}, {"phone": "12"},
                              {"phone": "+9197654%05d", "tags": ["new"]}]}""".formatted(run, run)).json();
        assertThat(bulk.get(0).get("id").asString()).isEqualTo(id);
        assertThat(bulk.get(0).get("created").asBoolean()).isFalse();
        assertThat(bulk.get(1).get("error").asString()).contains("invalid-phone-number");
        assertThat(bulk.get(2).get("created").asBoolean()).isTrue();
        assertThat(http.get("/api/v1/contacts/" + id, apiKey).json().get("name").asString()).isEqualTo("Ravi K");
    }

    @Test
    void marketingNeedsAGrantAndAWithdrawalIsA409NamingTheReason() {
        var to = "+9199887%05d".formatted(run);
        var marketing = "{\"to\": \"%s\", \"type\": \"template\", \"template\": {\"name\": \"diwali_offer\", \"language\": \"en\"}}"
                .formatted(to);
        var refused = http.post("/api/v1/messages", apiKey, marketing);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("type").asString()).isEqualTo("urn:maxmysales:problem:no-consent-recorded");
        assertThat(http.post("/api/v1/messages", apiKey, marketing.replace("\"type\": \"template\"",
                "\"type\": \"template\", \"purpose\": \"utility\"")).status()).as("utility needs no grant").isEqualTo(202);

        var id = http.get("/api/v1/contacts?phone=" + to.replace("+", "%2B"), apiKey).json().get("items").get(0).get("id").asString();
        assertThat(http.post("/api/v1/contacts/" + id + "/consents", apiKey, """
                {"purpose": "marketing", "status": "granted", "source": "web_form", "basis": "checkout tick box",
                 "noticeVersion": "2026-11-01"}""").status()).isEqualTo(201);
        assertThat(http.post("/api/v1/messages", apiKey, marketing).status()).isEqualTo(202);

        http.post("/api/v1/contacts/" + id + "/consents", apiKey, "{\"purpose\": \"marketing\", \"status\": \"withdrawn\", \"source\": \"agent\"}");
        var optedOut = http.post("/api/v1/messages", apiKey, marketing);
        assertThat(optedOut.status()).isEqualTo(409);
        assertThat(optedOut.json().get("type").asString()).isEqualTo("urn:maxmysales:problem:recipient-opted-out");
        assertThat(optedOut.json().get("withdrawnVia").asString()).isEqualTo("agent");
        assertThat(http.get("/api/v1/contacts/" + id, apiKey).json().get("optedOut").asBoolean()).isTrue();

        var consents = http.get("/api/v1/contacts/" + id + "/consents", apiKey).json();
        assertThat(consents.get("current").get("marketing").get("status").asString()).isEqualTo("withdrawn");
        assertThat(consents.get("history")).hasSize(2);
        assertThat(consents.get("history").get(1).get("evidence").get("basis").asString()).isEqualTo("checkout tick box");
    }
}
