package com.maxmysales.whatsapp;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * Meta's template webhooks, signed as Meta signs them, kept per workspace and shown by {@code GET /api/v1/templates};
 * a template Meta rejected or paused is refused when queued (Meta would refuse it), one it approved again is queued,
 * and one Meta never spoke of is queued as before (Meta decides).
 */
@PlatformTest
class TemplateCatalogueSystemTests {

    /** Recorded by other projects (../shared/datasets/meta-webhooks, see its README): read, never copied. */
    private static final Path CORPUS = Path.of("..", "shared", "datasets", "meta-webhooks");
    private static final String TEMPLATE = """
            {"to": "%s", "type": "template", "purpose": "utility", "template": {"name": "%s", "language": "%s"}}""";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    Http http;
    String apiKey;
    String customer;
    SandboxNumber number;

    @BeforeEach
    void aWorkspaceWithANumber() {
        http = new Http(port);
        apiKey = http.createWorkspace("Template Shop");
        number = SandboxNumber.connect(http, apiKey);
        customer = "+9196" + String.format("%08d", Math.abs(UUID.randomUUID().getLeastSignificantBits() % 100_000_000L));
    }

    @Test
    void aRejectedTemplateIsShownWithItsReasonAndRefusedWhenSentUntilMetaApprovesIt() throws IOException {
        // pywa's recording: abandoned_cart (en) REJECTED, INVALID_FORMAT, MARKETING, with Meta's explanation.
        post(recorded("pywa/template_status_update__rejected.json"));

        var shown = template("abandoned_cart", "en");
        assertThat(shown.get("status").asString()).isEqualTo("REJECTED");
        assertThat(shown.get("rejectedReason").asString()).isEqualTo("INVALID_FORMAT");
        assertThat(shown.get("category").asString()).isEqualTo("MARKETING");
        assertThat(shown.get("statusDetail").asString()).contains("parameters placed next to each other");
        assertThat(shown.get("metaTemplateId").asString()).isEqualTo("1689556908129835");
        assertThat(http.get("/api/v1/templates/" + shown.get("id").asString(), apiKey).json().get("name").asString())
                .isEqualTo("abandoned_cart");

        var refused = http.post("/api/v1/messages", apiKey, TEMPLATE.formatted(customer, "abandoned_cart", "en"));
        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.json().get("type").asString()).endsWith("template-not-approved");
        assertThat(refused.json().get("detail").asString()).contains("REJECTED").contains("INVALID_FORMAT");
        var otherLanguage = http.post("/api/v1/messages", apiKey, TEMPLATE.formatted(customer, "abandoned_cart", "hi"));
        assertThat(otherLanguage.status()).as("another language is another template, not catalogued").isEqualTo(202);

        // Meta approves it later (an appeal): the approval's recording, renamed to it, a minute after the rejection.
        post(recorded("pywa/template_status_update__approved.json").replace("order_confirmation", "abandoned_cart")
                .replace("\"en_US\"", "\"en\"").replace("1751247548", "1751247608"));
        assertThat(template("abandoned_cart", "en").get("status").asString()).isEqualTo("APPROVED");
        assertThat(http.post("/api/v1/messages", apiKey, TEMPLATE.formatted(customer, "abandoned_cart", "en")).status())
                .isEqualTo(202);
    }

    @Test
    void aPausedTemplateIsRefusedAndAnOlderApprovalArrivingLateDoesNotUndoThePause() throws IOException {
        var approved = recorded("pywa/template_status_update__approved.json");
        post(approved.replace("\"APPROVED\"", "\"PAUSED\"").replace("\"NONE\"", "\"NONE\", \"other_info\": "
                + "{\"title\": \"FIRST_PAUSE\", \"description\": \"Paused for 3 hours: low quality\"}")
                .replace("1751247548", "1751247600"));
        assertThat(template("order_confirmation", "en_US").get("status").asString()).isEqualTo("PAUSED");

        // Meta's earlier approval, delivered after the pause (webhooks come out of order).
        post(approved.replace("\"UTILITY\"", "\"MARKETING\""));
        var shown = template("order_confirmation", "en_US");
        assertThat(shown.get("category").asString()).as("older news of its category too").isEqualTo("UTILITY");
        assertThat(shown.get("status").asString()).isEqualTo("PAUSED");
        assertThat(shown.get("statusDetail").asString()).contains("FIRST_PAUSE");

        var refused = http.post("/api/v1/messages", apiKey, TEMPLATE.formatted(customer, "order_confirmation", "en_US"));
        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.json().get("detail").asString()).contains("PAUSED");
    }

    @Test
    void qualityAndCategoryUpdatesAreShownAndAnUncataloguedTemplateIsStillQueued() throws IOException {
        post(recorded("pywa/template_quality_update__yellow.json"));
        post(recorded("pywa/template_category_update__marketing.json"));

        var quality = template("welcome_template", "en_US");
        assertThat(quality.get("quality").asString()).isEqualTo("YELLOW");
        assertThat(quality.get("previousQuality").asString()).isEqualTo("GREEN");
        var category = template("my_message_template", "he");
        assertThat(category.get("category").asString()).isEqualTo("MARKETING");
        assertThat(http.get("/api/v1/templates?status=approved", apiKey).json().get("items")).isEmpty();

        // Meta's quality word is not a review: the template may be sent, Meta decides.
        assertThat(http.post("/api/v1/messages", apiKey, TEMPLATE.formatted(customer, "welcome_template", "en_US"))
                .status()).isEqualTo(202);
        assertThat(http.post("/api/v1/messages", apiKey, TEMPLATE.formatted(customer, "never_reviewed", "en_US"))
                .status()).as("not catalogued: queued as before").isEqualTo(202);
    }

    @Test
    void aTemplateTheSandboxRejectsIsRefusedWhenSent() {
        var submitted = http.post("/sandbox/graph/v23.0/" + number.wabaId() + "/message_templates", apiKey, """
                {"name": "reject_offer", "language": "en_US", "category": "MARKETING",
                 "components": [{"type": "BODY", "text": "{{1}}{{2}}"}]}""");
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);

        await(() -> template("reject_offer", "en_US") != null);
        assertThat(template("reject_offer", "en_US").get("status").asString()).isEqualTo("REJECTED");
        var refused = http.post("/api/v1/messages", apiKey, TEMPLATE.formatted(customer, "reject_offer", "en_US"));
        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
    }

    @Test
    void anotherWorkspaceSeesNoneOfTheseTemplates() throws IOException {
        post(recorded("pywa/template_status_update__rejected.json"));
        var ours = template("abandoned_cart", "en").get("id").asString();

        var other = http.createWorkspace("Other Shop");
        SandboxNumber.connect(http, other);
        assertThat(http.get("/api/v1/templates", other).json().get("items")).isEmpty();
        assertThat(http.get("/api/v1/templates/" + ours, other).status()).isEqualTo(404);
        assertThat(http.post("/api/v1/messages", other, TEMPLATE.formatted(customer, "abandoned_cart", "en")).status())
                .as("the other workspace's account never heard of it").isEqualTo(202);
    }

    private String recorded(String file) throws IOException {
        var body = Files.readString(CORPUS.resolve(file));
        // The recording's account is this test's sandbox number's.
        return body.replaceFirst("\"id\": \"[^\"]+\"", "\"id\": \"" + number.wabaId() + "\"");
    }

    /** Posts it signed as Meta does and waits until the platform applied it. */
    private void post(String body) {
        assertThat(MetaWebhooks.post(http, body).status()).isEqualTo(200);
        await(() -> jdbc.sql("select count(*) from webhook_events where body_hash = sha256(?) and state <> 'pending'")
                .param(body.getBytes(StandardCharsets.UTF_8)).query(Integer.class).single() == 1);
    }

    private JsonNode template(String name, String language) {
        var listed = http.get("/api/v1/templates?limit=500", apiKey);
        assertThat(listed.status()).as(listed.body()).isEqualTo(200);
        for (var template : listed.json().get("items")) {
            if (name.equals(template.get("name").asString()) && language.equals(template.get("language").asString())) {
                return template;
            }
        }
        return null;
    }
}
