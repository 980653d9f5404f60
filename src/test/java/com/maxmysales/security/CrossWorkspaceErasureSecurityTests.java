package com.maxmysales.security;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import com.maxmysales.support.Http;
import com.maxmysales.support.MetaWebhooks;
import com.maxmysales.support.PlatformTest;
import com.maxmysales.support.SandboxNumber;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static com.maxmysales.support.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An erasure binds the business that erased the person, and nobody else: before, any workspace could delete a
 * contact and so block that phone number and email in every other workspace, for good.
 */
@PlatformTest
class CrossWorkspaceErasureSecurityTests {

    @LocalServerPort
    int port;

    Http http;
    String eraser;
    String other;
    String digits;
    String phone;
    String email;

    @BeforeEach
    void twoWorkspacesKnowThePerson() {
        http = new Http(port);
        eraser = http.createWorkspace("Eraser");
        other = http.createWorkspace("Other business");
        digits = "91" + String.format("%010d", 9_700_000_000L + Math.abs(UUID.randomUUID().getLeastSignificantBits() % 100_000_000L));
        phone = "+" + digits;
        email = "person." + digits + "@example.com";
        var contact = http.post("/api/v1/contacts", eraser, "{\"phone\": \"%s\", \"email\": \"%s\"}".formatted(phone, email));
        assertThat(contact.status()).as(contact.body()).isEqualTo(201);
        assertThat(http.delete("/api/v1/contacts/" + contact.json().get("id").asString(), eraser).status()).isEqualTo(204);
    }

    /**
     * Issue 11, item 3: workspace A erases a person; workspace B can still create, bulk-save and import them and
     * take their lead, while A still refuses every way of adding them back, and the person writing to A again on
     * WhatsApp is a new contact of their own making, as before.
     */
    @Test
    void anErasureRefusesThePersonToTheErasingWorkspaceOnly() {
        var created = http.post("/api/v1/contacts", other, "{\"phone\": \"%s\", \"email\": \"%s\"}".formatted(phone, email));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        var bulk = http.post("/api/v1/contacts/bulk", other, "{\"contacts\": [{\"phone\": \"%s\", \"name\": \"Bulk\"}]}".formatted(phone));
        assertThat(bulk.json().get(0).has("error")).as(bulk.body()).isFalse();
        assertThat(importOne(other).get("updatedRows").asInt()).isEqualTo(1);
        assertThat(leadContact(other)).as("the other business's lead gets a contact").isNotNull();

        var again = http.post("/api/v1/contacts", eraser, "{\"phone\": \"%s\"}".formatted(phone));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("type").asString()).isEqualTo("urn:maxmysales:problem:erased-person");
        var byEmail = http.post("/api/v1/contacts", eraser, "{\"phone\": \"+919000000001\", \"email\": \"%s\"}".formatted(email));
        assertThat(byEmail.status()).isEqualTo(409);
        var bulkAgain = http.post("/api/v1/contacts/bulk", eraser, "{\"contacts\": [{\"phone\": \"%s\"}]}".formatted(phone));
        assertThat(bulkAgain.json().get(0).get("error").asString()).contains("erased-person");
        var imported = importOne(eraser);
        assertThat(imported.get("createdRows").asInt() + imported.get("updatedRows").asInt()).isZero();
        assertThat(imported.get("errorRows").asInt()).isEqualTo(1);
        assertThat(leadContact(eraser)).as("the erasing business's lead adds nobody back").isNull();
        assertThat(http.get("/api/v1/contacts?phone=%2B" + digits, eraser).json().get("items")).isEmpty();

        var phoneNumberId = SandboxNumber.connect(http, eraser).phoneNumberId();
        var message = """
                { "from": "%s", "id": "wamid.AGAIN%s", "timestamp": "1767225660", "type": "text", "text": { "body": "hello again" } }"""
                .formatted(digits, digits);
        assertThat(MetaWebhooks.post(http, MetaWebhooks.inbound(phoneNumberId, digits, "Back Again", message)).status())
                .isEqualTo(200);
        await(() -> !http.get("/api/v1/contacts?phone=%2B" + digits, eraser).json().get("items").isEmpty());
    }

    private JsonNode importOne(String apiKey) {
        var uploaded = http.postCsv("/api/v1/contacts/imports?fileName=one.csv", apiKey,
                "phone,name,consent\n%s,Imported,shop form\n".formatted(phone));
        assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);
        var id = uploaded.json().get("job").get("id").asString();
        assertThat(http.post("/api/v1/contacts/imports/" + id + "/start", apiKey,
                "{\"mapping\": {\"phone\": \"phone\", \"name\": \"name\", \"consentBasis\": \"consent\"}}").status()).isEqualTo(202);
        var job = new AtomicReference<JsonNode>();
        await(() -> {
            job.set(http.get("/api/v1/contacts/imports/" + id, apiKey).json().get("job"));
            return job.get().get("status").asString().equals("completed");
        });
        return job.get();
    }

    /** @return the contact id the lead was matched to, or null when it was refused */
    private String leadContact(String apiKey) {
        var source = http.post("/api/v1/lead-sources", apiKey, "{\"type\": \"google\"}");
        assertThat(source.status()).as(source.body()).isEqualTo(201);
        var key = source.json().get("key").asString();
        var leadId = "erasure-" + UUID.randomUUID();
        assertThat(http.post("/webhooks/leads/google?source=" + source.json().get("id").asString(), null, """
                {"lead_id": "%s", "google_key": "%s", "user_column_data": [
                 {"column_id": "FULL_NAME", "string_value": "Lead Person"}, {"column_id": "PHONE_NUMBER", "string_value": "%s"},
                 {"column_id": "EMAIL", "string_value": "%s"}]}""".formatted(leadId, key, phone, email)).status()).isEqualTo(200);
        var lead = new AtomicReference<JsonNode>();
        await(() -> {
            for (var item : http.get("/api/v1/leads?limit=500", apiKey).json().get("items")) {
                if (leadId.equals(item.get("externalId").asString()) && "processed".equals(item.get("stage").asString())) {
                    lead.set(item);
                    return true;
                }
            }
            return false;
        });
        return lead.get().has("contactId") ? lead.get().get("contactId").asString() : null;
    }
}
