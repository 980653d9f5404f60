package com.maxmysales.whatsapp;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.maxmysales.shared.WorkspaceId;
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
 * Issue 16, templates, over real HTTP with the sandbox as Meta: a template written through the API is checked
 * against Meta's rules, submitted, kept PENDING and approved (or rejected) by the sandbox's signed review webhook;
 * Meta's pause reaches the owner; the sync reads templates written at Meta directly, page by page.
 */
@PlatformTest
class TemplateSubmissionSystemTests {

    private static final String GOOD = """
            {"name": "%s", "language": "en_US", "category": "MARKETING",
             "components": [
               {"type": "HEADER", "format": "TEXT", "text": "Hello {{1}}", "example": {"header_text": ["Asha"]}},
               {"type": "BODY", "text": "Your order {{1}} ships today; use code {{2}} for 10 percent off next time",
                "example": {"body_text": [["A-17", "SAVE10"]]}},
               {"type": "FOOTER", "text": "Reply STOP to opt out"},
               {"type": "BUTTONS", "buttons": [{"type": "QUICK_REPLY", "text": "Thanks"},
                 {"type": "URL", "text": "Track", "url": "https://shop.example/o/{{1}}", "example": ["https://shop.example/o/A-17"]}]}]}""";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TemplateSync sync;

    Http http;
    String apiKey;
    SandboxNumber number;

    @BeforeEach
    void aWorkspaceWithANumber() {
        http = new Http(port);
        apiKey = http.createWorkspace("Template Builder Shop");
        number = SandboxNumber.connect(http, apiKey);
    }

    @Test
    void aTemplateIsSubmittedPendingThenApprovedByMetasWebhookAndARetryAnswersTheSameTemplate() {
        var created = http.post("/api/v1/templates", apiKey, GOOD.formatted("order_shipped"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        var id = created.json().get("id").asString();
        assertThat(created.json().get("status").asString()).isEqualTo("PENDING");
        assertThat(created.json().get("category").asString()).isEqualTo("MARKETING");
        assertThat(created.json().get("components").get(1).get("text").asString()).startsWith("Your order {{1}}");

        var atMeta = http.get("/sandbox/graph/v25.0/" + number.wabaId() + "/message_templates?name=order_shipped", apiKey);
        assertThat(atMeta.json().get("data")).hasSize(1);
        assertThat(atMeta.json().get("data").get(0).get("id").asString())
                .isEqualTo(created.json().get("metaTemplateId").asString());

        var again = http.post("/api/v1/templates", apiKey, GOOD.formatted("order_shipped"));
        assertThat(again.status()).as("a retry: the template already there").isEqualTo(200);
        assertThat(again.json().get("id").asString()).isEqualTo(id);
        assertThat(http.get("/sandbox/graph/v25.0/" + number.wabaId() + "/message_templates?name=order_shipped", apiKey)
                .json().get("data")).as("submitted to Meta once").hasSize(1);

        await(() -> "APPROVED".equals(status(id)));
        assertThat(http.get("/api/v1/templates/" + id, apiKey).json().get("rejectedReason")).as("none: left out").isNull();
    }

    @Test
    void everyBrokenRuleComesBackInOne422AndNothingReachesMeta() {
        var refused = http.post("/api/v1/templates", apiKey, """
                {"name": "Bad Name", "language": "en_US", "category": "UTILITY",
                 "components": [{"type": "BODY", "text": "{{1}}{{2}}"},
                   {"type": "FOOTER", "text": "Bye {{1}}"},
                   {"type": "BUTTONS", "buttons": [{"type": "COPY_CODE", "example": "X"}]}]}""");
        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.json().get("type").asString()).endsWith("invalid-template");
        var fields = new ArrayList<String>();
        refused.json().get("violations").forEach(v -> fields.add(v.get("field").asString()));
        assertThat(fields).contains("name", "components[0].text", "components[0].example.body_text",
                "components[1].text", "components[2].buttons");
        assertThat(http.get("/sandbox/graph/v25.0/" + number.wabaId() + "/message_templates", apiKey).json().get("data"))
                .isEmpty();
        assertThat(http.get("/api/v1/templates", apiKey).json().get("items")).isEmpty();
    }

    @Test
    void aRejectNameIsRejectedWithItsReasonAndTheOwnerIsTold() {
        var created = http.post("/api/v1/templates", apiKey, GOOD.formatted("reject_x"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        var id = created.json().get("id").asString();

        await(() -> "REJECTED".equals(status(id)));
        var rejected = http.get("/api/v1/templates/" + id, apiKey).json();
        assertThat(rejected.get("rejectedReason").asString()).isEqualTo("INVALID_FORMAT");
        assertThat(rejected.get("statusDetail").asString()).contains("reject_", "recommendation");
        assertThat(notices()).anyMatch(title -> title.contains("reject_x") && title.contains("rejected"));
    }

    @Test
    void metasPauseIsShownAndTheOwnerIsTold() {
        var created = http.post("/api/v1/templates", apiKey, GOOD.formatted("weekly_offer"));
        var id = created.json().get("id").asString();
        await(() -> "APPROVED".equals(status(id)));

        var paused = """
                {"object": "whatsapp_business_account", "entry": [{"id": "%s", "time": %d, "changes": [{
                  "field": "message_template_status_update",
                  "value": {"event": "PAUSED", "message_template_id": %s, "message_template_name": "weekly_offer",
                    "message_template_language": "en_US", "reason": "NONE",
                    "other_info": {"title": "FIRST_PAUSE", "description": "Paused for 3 hours: low quality"}}}]}]}"""
                .formatted(number.wabaId(), Instant.now().getEpochSecond() + 60, created.json().get("metaTemplateId").asString());
        assertThat(MetaWebhooks.post(http, paused).status()).isEqualTo(200);

        await(() -> "PAUSED".equals(status(id)));
        assertThat(notices()).anyMatch(title -> title.contains("weekly_offer") && title.contains("paused"));
        var refused = http.post("/api/v1/messages", apiKey, """
                {"to": "+919600000001", "type": "template", "purpose": "marketing",
                 "template": {"name": "weekly_offer", "language": "en_US"}}""");
        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
    }

    @Test
    void theSyncReadsEveryPageOfTemplatesWrittenAtMetaDirectly() throws Exception {
        var written = TemplateSync.PAGE_SIZE + 5;
        for (int i = 0; i < written; i++) {
            var atMeta = http.post("/sandbox/graph/v25.0/" + number.wabaId() + "/message_templates", apiKey, """
                    {"name": "at_meta_%d", "language": "en", "category": "UTILITY",
                     "components": [{"type": "BODY", "text": "Your appointment is confirmed, thank you"}]}""".formatted(i));
            assertThat(atMeta.status()).as(atMeta.body()).isEqualTo(200);
        }

        assertThat(sync.sync(workspace())).as("two pages read").isEqualTo(written);

        var listed = http.get("/api/v1/templates?limit=100", apiKey).json().get("items");
        assertThat(listed).hasSize(written);
        for (var template : listed) {
            // Meta's review webhook never carries the content: only the sync does.
            assertThat(template.get("components").get(0).get("text").asString()).contains("appointment");
            assertThat(template.get("category").asString()).isEqualTo("UTILITY");
        }
        await(() -> http.get("/api/v1/templates?status=approved&limit=100", apiKey).json().get("items").size() == written);
    }

    @Test
    void anotherWorkspacesTemplateIsNotFound() {
        var id = http.post("/api/v1/templates", apiKey, GOOD.formatted("private_offer")).json().get("id").asString();

        var other = http.createWorkspace("Other Builder Shop");
        SandboxNumber.connect(http, other);
        assertThat(http.get("/api/v1/templates/" + id, other).status()).isEqualTo(404);
        assertThat(http.get("/api/v1/templates/" + UUID.randomUUID(), apiKey).status()).isEqualTo(404);
        var theirs = http.post("/api/v1/templates", other, GOOD.formatted("private_offer"));
        assertThat(theirs.status()).as("their own account: a template of their own").isEqualTo(201);
        assertThat(theirs.json().get("id").asString()).isNotEqualTo(id);
    }

    @Test
    void withoutANumberThereIsNoAccountToSubmitTo() {
        var alone = http.createWorkspace("No Number Shop");
        var refused = http.post("/api/v1/templates", alone, GOOD.formatted("lonely"));
        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.json().get("type").asString()).endsWith("no-channel");
    }

    private String status(String id) {
        JsonNode template = http.get("/api/v1/templates/" + id, apiKey).json();
        return template.get("status").asString();
    }

    private WorkspaceId workspace() {
        return new WorkspaceId(UUID.fromString(http.get("/api/v1/workspace", apiKey).json().get("id").asString()));
    }

    private List<String> notices() {
        return jdbc.sql("select title from workspace_notices where workspace_id = :workspace and resolved_at is null")
                .param("workspace", workspace().value()).query(String.class).list();
    }
}
