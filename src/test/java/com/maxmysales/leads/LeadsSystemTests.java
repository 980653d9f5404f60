package com.maxmysales.leads;

import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import com.maxmysales.sandbox.SandboxFaults;
import com.maxmysales.sandbox.SandboxSettings;
import com.maxmysales.support.Eventually;
import com.maxmysales.support.Http;
import com.maxmysales.support.MetaWebhooks;
import com.maxmysales.support.PlatformTest;
import com.maxmysales.support.SandboxNumber;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Google Ads and Meta Lead Ads leads over real HTTP, through real PostgreSQL and the sandbox: the lead becomes
 * a contact with consent for its follow-up, and the follow-up template is delivered within seconds.
 */
@PlatformTest
class LeadsSystemTests {

    private static final String GRAPH = "/sandbox/graph/v25.0/";
    private static final String FOLLOW_UP = """
            {"templateName": "lead_welcome", "language": "en",
             "variables": [{"field": "full_name", "fallback": "there"}, {"field": "Which city?", "fallback": "your city"}]}""";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    SandboxFaults faults;

    Http http;
    String apiKey;
    String run;
    String phoneNumberId;

    @BeforeEach
    void aWorkspaceWithANumber() {
        http = new Http(port);
        apiKey = http.createWorkspace("Leads");
        run = String.format("%08d", Math.abs(UUID.randomUUID().getLeastSignificantBits() % 100_000_000L));
        phoneNumberId = SandboxNumber.connect(http, apiKey).phoneNumberId();
    }

    @AfterEach
    void noFaults() {
        faults.reset(phoneNumberId);
    }

    @Test
    void aGoogleLeadBecomesAContactForItsFollowUpOnlyAndTheTemplateIsDelivered() {
        var source = googleSource(FOLLOW_UP);
        var phone = "+9197" + run;
        assertThat(source.get("webhookUrl").asString()).endsWith("/webhooks/leads/google?source=" + source.get("id").asString());

        var answer = postGoogle(source, googleLead("lead-" + run, source, "Asha Rao", phone, "asha." + run + "@example.com"));

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        var lead = awaitFollowUp("lead-" + run, Set.of("delivered", "read"));
        assertThat(lead.get("sourceType").asString()).isEqualTo("google");
        assertThat(lead.get("formId").asString()).isEqualTo("11223344556");
        assertThat(lead.get("campaignId").asString()).isEqualTo("22334455667");
        assertThat(lead.get("test").asBoolean()).isFalse();

        var contact = http.get("/api/v1/contacts?phone=" + phone.replace("+", "%2B"), apiKey).json().get("items").get(0);
        assertThat(contact.get("id").asString()).isEqualTo(lead.get("contactId").asString());
        assertThat(contact.get("name").asString()).isEqualTo("Asha Rao");
        assertThat(contact.get("email").asString()).isEqualTo("asha." + run + "@example.com");
        var consents = http.get("/api/v1/contacts/" + contact.get("id").asString() + "/consents", apiKey).json();
        assertThat(consents.toString()).contains("lead_follow_up").contains("lead_form").doesNotContain("\"marketing\"");

        var message = http.get("/api/v1/messages/" + lead.get("followUp").get("messageId").asString(), apiKey).json();
        assertThat(message.get("type").asString()).isEqualTo("template");
        assertThat(message.get("content").toString()).contains("lead_welcome").contains("Asha Rao").contains("Pune");

        var detail = http.get("/api/v1/leads/" + lead.get("id").asString(), apiKey).json();
        assertThat(detail.get("answers").get("items").toString()).contains("Which city?").contains("Pune");
        assertThat(detail.get("answers").get("clickId").asString()).isEqualTo("Cj0KCQjwDemoGclid0123456789");
        var audit = http.get("/api/v1/privacy/audit?action=lead.", apiKey).json().get("items").toString();
        assertThat(audit).contains("lead.read").contains("lead.list").contains(lead.get("id").asString());
    }

    @Test
    void aRedeliveredGoogleLeadIsStoredAndFollowedUpOnce() {
        var source = googleSource(FOLLOW_UP);
        var body = googleLead("dup-" + run, source, "Vikram Singh", "+9196" + run, null);

        assertThat(postGoogle(source, body).status()).isEqualTo(200);
        awaitFollowUp("dup-" + run, Set.of("sent", "delivered", "read"));
        assertThat(postGoogle(source, body).status()).isEqualTo(200);
        assertThat(postGoogle(source, body).status()).isEqualTo(200);

        assertThat(leadsWithExternalId("dup-" + run)).isEqualTo(1);
        var contact = http.get("/api/v1/leads", apiKey).json().get("items").get(0).get("contactId").asString();
        assertThat(jdbc.sql("select count(*) from messages where contact_id = ?").params(UUID.fromString(contact))
                .query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void aWrongOrMissingGoogleKeyIsRefusedAndNothingIsStored() {
        var source = googleSource(null);
        var other = googleSource(null);
        var body = googleLead("forged-" + run, source, "Mallory", "+9195" + run, null);

        var wrongKey = http.post("/webhooks/leads/google", null, body.replace(source.get("key").asString(), "not-the-key-0123456"));
        var noKey = http.post("/webhooks/leads/google", null, body.replace("\"google_key\"", "\"no_key\""));
        var anotherSourcesUrl = postGoogle(other, body);
        var notJson = http.post("/webhooks/leads/google", null, "lead_id=1&google_key=" + source.get("key").asString());

        assertThat(wrongKey.status()).isEqualTo(403);
        assertThat(wrongKey.header("Content-Type")).startsWith("application/problem+json");
        assertThat(noKey.status()).isEqualTo(401);
        assertThat(anotherSourcesUrl.status()).isEqualTo(403);
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(leadsWithExternalId("forged-" + run)).isZero();
        assertThat(postGoogle(source, body).status()).as("the right key still works").isEqualTo(200);
        assertThat(leadsWithExternalId("forged-" + run)).isEqualTo(1);
    }

    @Test
    void googlesSloppySampleIsReadAndATestLeadContactsNobody() {
        var source = googleSource(FOLLOW_UP);
        var body = fixture("test-lead-sloppy.json").replace("%LEAD_ID%", "test-" + run)
                .replace("%KEY%", source.get("key").asString());

        assertThat(http.post("/webhooks/leads/google", null, body).status()).isEqualTo(200);

        var lead = awaitLead("test-" + run, found -> "processed".equals(found.get("stage").asString()));
        assertThat(lead.get("test").asBoolean()).isTrue();
        assertThat(lead.get("followUp").get("status").asString()).isEqualTo("test");
        assertThat(lead.has("contactId")).isFalse();
        var detail = http.get("/api/v1/leads/" + lead.get("id").asString(), apiKey).json();
        assertThat(detail.get("answers").get("items").toString()).contains("Budget?").contains("50-75 lakh");
        assertThat(http.get("/api/v1/contacts?phone=%2B16505550123", apiKey).json().get("items")).isEmpty();
    }

    @Test
    void theMetaPageWebhookIsVerifiedAndAForgedOneIsRefusedWithNothingStored() {
        var source = metaSource(null);
        var pageId = source.get("pageId").asString();
        var body = """
                {"object": "page", "entry": [{"id": "%s", "time": 1767232800, "changes": [{"field": "leadgen",
                 "value": {"leadgen_id": "forged%s", "page_id": "%s", "form_id": "91%s", "created_time": 1767232795}}]}]}"""
                .formatted(pageId, run, pageId, run);

        assertThat(http.get("/webhooks/meta?hub.mode=subscribe&hub.verify_token=" + MetaWebhooks.VERIFY_TOKEN + "&hub.challenge=c42", null)
                .body()).isEqualTo("c42");
        assertThat(http.get("/webhooks/meta?hub.mode=subscribe&hub.verify_token=wrong&hub.challenge=c42", null).status())
                .isEqualTo(403);
        assertThat(http.post("/webhooks/meta", null, body, Map.of("X-Hub-Signature-256", MetaWebhooks.sign("wrong", body)))
                .status()).isEqualTo(401);
        assertThat(http.post("/webhooks/meta", null, body).status()).isEqualTo(401);
        assertThat(leadsWithExternalId("forged" + run)).isZero();
    }

    @Test
    void aSandboxTestLeadTravelsTheWholeMetaPath() {
        var source = metaSource(FOLLOW_UP);
        var pageId = source.get("pageId").asString();
        var formId = source.get("forms").get(0).asString();
        var phone = "+9194" + run;

        var created = http.post(GRAPH + formId + "/test_leads", apiKey, """
                {"page_id": "%s", "field_data": [{"name": "full_name", "values": ["Priya Nair"]},
                 {"name": "phone_number", "values": ["%s"]}, {"name": "email", "values": ["priya.%s@example.com"]},
                 {"name": "which_city?", "values": ["Kochi"]}, {"name": "marketing_opt_in", "values": ["Yes"]}]}"""
                .formatted(pageId, phone, run));

        assertThat(created.status()).as(created.body()).isEqualTo(200);
        var leadgenId = created.json().get("id").asString();
        var lead = awaitFollowUp(leadgenId, Set.of("delivered", "read"));
        assertThat(lead.get("sourceId").asString()).isEqualTo(source.get("id").asString());
        assertThat(lead.get("formId").asString()).isEqualTo(formId);
        var contact = http.get("/api/v1/contacts/" + lead.get("contactId").asString(), apiKey).json();
        assertThat(contact.get("name").asString()).isEqualTo("Priya Nair");
        assertThat(contact.get("phone").asString()).isEqualTo(phone);
        var consents = http.get("/api/v1/contacts/" + lead.get("contactId").asString() + "/consents", apiKey).json().toString();
        assertThat(consents).as("the form asked and the answer was yes").contains("\"marketing\"").contains("lead_follow_up");
        var message = http.get("/api/v1/messages/" + lead.get("followUp").get("messageId").asString(), apiKey).json();
        assertThat(message.get("content").toString()).as("Google's label and Meta's key name the same question")
                .contains("Priya Nair").contains("Kochi");
    }

    @Test
    void aTestLeadAskedOfMetaThroughTheApiGoesTheWholeWay() {
        var source = metaSource(FOLLOW_UP);

        var asked = http.post("/api/v1/lead-sources/" + source.get("id").asString() + "/test-leads", apiKey, """
                {"name": "Test Person", "phone": "+9185%s"}""".formatted(run));

        assertThat(asked.status()).as(asked.body()).isEqualTo(202);
        var lead = awaitFollowUp(asked.json().get("leadgenId").asString(), Set.of("delivered", "read"));
        assertThat(lead.get("formId").asString()).isEqualTo(source.get("forms").get(0).asString());
        assertThat(http.post("/api/v1/lead-sources/" + googleSource(null).get("id").asString() + "/test-leads", apiKey,
                "{\"name\": \"X\"}").status()).as("Google has no test-lead API").isEqualTo(409);
    }

    @Test
    void leadsWhoseWebhookWasLostAreBackfilledFromTheForm() {
        var source = metaSource(FOLLOW_UP);
        var pageId = source.get("pageId").asString();
        var formId = source.get("forms").get(0).asString();
        // The source stops answering to its page, so the lead's webhook reaches no source: as when Meta's webhook
        // was lost. The backfill reads the source's form, which still names the lead.
        jdbc.sql("update lead_sources set page_id = 'lost-' || page_id where id = ?::uuid")
                .param(source.get("id").asString()).update();
        var created = http.post(GRAPH + formId + "/test_leads", apiKey, """
                {"page_id": "%s", "field_data": [{"name": "full_name", "values": ["Late Lead"]},
                 {"name": "phone_number", "values": ["+9193%s"]}]}""".formatted(pageId, run));
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        var leadgenId = created.json().get("id").asString();

        var backfill = http.post("/api/v1/lead-sources/" + source.get("id").asString() + "/backfill", apiKey, "{}");

        assertThat(backfill.status()).as(backfill.body()).isEqualTo(200);
        assertThat(backfill.json().get("added").asInt()).isEqualTo(1);
        var lead = awaitFollowUp(leadgenId, Set.of("sent", "delivered", "read"));
        var message = http.get("/api/v1/messages/" + lead.get("followUp").get("messageId").asString(), apiKey).json();
        assertThat(message.get("content").toString()).as("an unanswered variable takes its fallback")
                .contains("Late Lead").contains("your city");
        assertThat(http.post("/api/v1/lead-sources/" + source.get("id").asString() + "/backfill", apiKey, "{}")
                .json().get("added").asInt()).as("a second backfill finds nothing new").isZero();
        assertThat(leadsWithExternalId(leadgenId)).isEqualTo(1);
    }

    @Test
    void aLeadContactIsLeftOutOfMarketingAudiencesAndExportsUntilItGrantsMarketing() {
        var source = googleSource(null);
        var leadPhone = "+9192" + run;
        postGoogle(source, googleLead("aud-" + run, source, "Only A Lead", leadPhone, null));
        var lead = awaitLead("aud-" + run, found -> "processed".equals(found.get("stage").asString()));
        var customerPhone = "+9191" + run;
        assertThat(http.post("/api/v1/contacts", apiKey, """
                {"phone": "%s", "name": "A Customer"}""".formatted(customerPhone)).status()).isEqualTo(201);
        var segment = http.post("/api/v1/segments", apiKey, """
                {"name": "Everyone", "filter": {}}""").json().get("id").asString();

        var audience = http.get("/api/v1/segments/" + segment + "/contacts", apiKey).body();
        var export = http.get("/api/v1/contacts/export.csv", apiKey).body();

        assertThat(audience).contains(customerPhone).doesNotContain(leadPhone);
        assertThat(export).contains(customerPhone).doesNotContain(leadPhone);
        var contactId = lead.get("contactId").asString();
        assertThat(http.post("/api/v1/contacts/" + contactId + "/consents", apiKey, """
                {"purpose": "marketing", "status": "granted", "source": "web_form"}""").status()).isEqualTo(201);
        assertThat(http.get("/api/v1/segments/" + segment + "/contacts", apiKey).body()).contains(leadPhone);
        assertThat(http.get("/api/v1/contacts/export.csv", apiKey).body()).contains(leadPhone);
    }

    @Test
    void followUpsAreAssignedToAgentsInTurn() {
        var workspace = UUID.fromString(http.get("/api/v1/workspace", apiKey).json().get("id").asString());
        var first = agent(workspace, "first");
        var second = agent(workspace, "second");
        var source = googleSource("""
                {"templateName": "lead_welcome", "agents": ["%s", "%s"]}""".formatted(first, second));

        for (int i = 0; i < 4; i++) {
            postGoogle(source, googleLead("rr" + i + "-" + run, source, "Lead " + i, "+918" + i + run, null));
        }

        var assignees = new java.util.ArrayList<String>();
        for (int i = 0; i < 4; i++) {
            assignees.add(awaitFollowUp("rr" + i + "-" + run, Set.of("sent", "delivered", "read"))
                    .get("followUp").get("assigneeId").asString());
        }
        assertThat(assignees).containsOnly(first.toString(), second.toString());
        assertThat(assignees.stream().filter(first.toString()::equals).count()).isEqualTo(2);
        var conversation = awaitLead("rr0-" + run, found -> true).get("followUp").get("conversationId").asString();
        assertThat(jdbc.sql("select assignee_id from conversations where id = ?").params(UUID.fromString(conversation))
                .query(UUID.class).single().toString()).isEqualTo(assignees.getFirst());
    }

    @Test
    void aLeadWithoutANumberWhatsAppReachesIsMarkedSoAndNotRetried() {
        var source = googleSource(FOLLOW_UP);
        postGoogle(source, googleLead("mail-" + run, source, "Mail Only", "", "mail." + run + "@example.com"));
        var emailOnly = awaitLead("mail-" + run, found -> "processed".equals(found.get("stage").asString()));
        assertThat(emailOnly.get("followUp").get("status").asString()).isEqualTo("unreachable");
        assertThat(emailOnly.has("contactId")).as("the contact is kept, by email").isTrue();

        var current = faults.current(phoneNumberId);
        faults.use(phoneNumberId, new SandboxSettings.Faults(0, 1, current.reEngagement(), 0, 0, current.timeoutDelay(), false));
        postGoogle(source, googleLead("gone-" + run, source, "Not On WhatsApp", "+9189" + run, null));

        var notOnWhatsApp = awaitFollowUp("gone-" + run, Set.of("unreachable"));
        assertThat(notOnWhatsApp.get("followUp").get("errorCode").asInt()).isEqualTo(131026);
    }

    @Test
    void erasingALeadsContactErasesTheLead() {
        var source = googleSource(FOLLOW_UP);
        postGoogle(source, googleLead("erase-" + run, source, "Erase Me", "+9188" + run, "erase." + run + "@example.com"));
        var lead = awaitFollowUp("erase-" + run, Set.of("sent", "delivered", "read"));

        assertThat(http.delete("/api/v1/contacts/" + lead.get("contactId").asString(), apiKey).status()).isEqualTo(204);

        assertThat(http.get("/api/v1/leads/" + lead.get("id").asString(), apiKey).status()).isEqualTo(404);
        assertThat(leadsWithExternalId("erase-" + run)).isZero();
        postGoogle(source, googleLead("erase-again-" + run, source, "Erase Me", "+9188" + run, null));
        var again = awaitLead("erase-again-" + run, found -> "processed".equals(found.get("stage").asString()));
        assertThat(again.get("followUp").get("status").asString()).as("an erased person is not added back").isEqualTo("refused");
    }

    /** A Google source with the key the platform generated, which the answer shows this once. */
    private JsonNode googleSource(String followUp) {
        var response = http.post("/api/v1/lead-sources", apiKey, """
                {"type": "google", "followUp": %s}""".formatted(followUp));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        assertThat(response.json().get("key").asString()).startsWith("gk_");
        return response.json();
    }

    /** A Facebook Page of the sandbox, with its one lead form, for this test's workspace. */
    private JsonNode metaSource(String followUp) {
        var response = http.post("/api/v1/lead-sources", apiKey, """
                {"type": "meta", "sandbox": true, "followUp": %s}""".formatted(followUp));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        assertThat(response.json().get("sandbox").asBoolean()).isTrue();
        return response.json();
    }

    private String googleLead(String leadId, JsonNode source, String name, String phone, String email) {
        return fixture("lead.json").replace("%LEAD_ID%", leadId)
                .replace("%KEY%", source.get("key").asString()).replace("%NAME%", name).replace("%PHONE%", phone)
                .replace("%EMAIL%", email == null ? "" : email);
    }

    private static String fixture(String name) {
        try (var in = LeadsSystemTests.class.getResourceAsStream("/fixtures/google/" + name)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private Http.Response postGoogle(JsonNode source, String body) {
        return http.post("/webhooks/leads/google?source=" + source.get("id").asString(), null, body);
    }

    private JsonNode awaitFollowUp(String externalId, Set<String> statuses) {
        return awaitLead(externalId, lead -> statuses.contains(lead.get("followUp").get("status").asString()));
    }

    private JsonNode awaitLead(String externalId, java.util.function.Predicate<JsonNode> condition) {
        var found = new AtomicReference<JsonNode>();
        Eventually.await(() -> {
            for (var lead : http.get("/api/v1/leads?limit=500", apiKey).json().get("items")) {
                if (externalId.equals(lead.get("externalId").asString()) && condition.test(lead)) {
                    found.set(lead);
                    return true;
                }
            }
            return false;
        });
        return found.get();
    }

    private int leadsWithExternalId(String externalId) {
        return jdbc.sql("select count(*) from leads where external_id = ?").params(externalId).query(Integer.class).single();
    }

    private UUID agent(UUID workspace, String name) {
        var id = UUID.randomUUID();
        jdbc.sql("""
                insert into business_users (id, workspace_id, email, display_name, password_hash, role, adult_attested_at, created_at)
                values (?, ?, ?, ?, '{noop}unused', 'agent', now(), clock_timestamp())""")
                .params(id, workspace, name + "-" + id + "@agents.example", name).update();
        return id;
    }
}
