package com.maxmysales.campaigns;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import com.maxmysales.support.Http;
import com.maxmysales.support.MetaWebhooks;
import com.maxmysales.support.PlatformTest;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static com.maxmysales.support.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16, campaigns, over real HTTP with the sandbox as Meta: the audience's exclusions with their reasons, the
 * send and the funnel equal to the recipients' own statuses, a STOP and a withdrawal mid-campaign taking the pending
 * send back, pause / resume / cancel, a template Meta paused pausing its campaign, bad input and isolation.
 */
@PlatformTest
class CampaignSystemTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theAudienceIsExcludedWithReasonsTheRestIsSentAndTheFunnelEqualsTheRecipients() {
        var shop = CampaignFixture.create(new Http(port), "Funnel Shop", 80);
        shop.http().post("/api/v1/contacts/attributes", shop.apiKey(), "{\"key\": \"age\", \"type\": \"number\"}");
        var consenting = shop.contacts("weekend", "+9190001", 0, 6, true, "");
        var unconsented = shop.contacts("weekend", "+9190001", 6, 2, false, "");
        var optedOut = shop.contacts("weekend", "+9190001", 8, 1, true, "");
        shop.optOut(optedOut.getFirst());
        var minor = shop.contacts("weekend", "+9190001", 9, 1, true, ", \"attributes\": {\"age\": 15}");
        shop.contacts("other", "+9190001", 10, 3, true, "");
        var campaign = shop.campaign("weekend");

        var preview = shop.http().get("/api/v1/campaigns/" + campaign + "/preview", shop.apiKey()).json();
        assertThat(preview.get("recipients").asLong()).isEqualTo(6);
        assertThat(preview.get("exclusions").get("no-consent").asLong()).isEqualTo(2);
        assertThat(preview.get("exclusions").get("opted-out").asLong()).isEqualTo(1);
        assertThat(preview.get("exclusions").get("minor").asLong()).isEqualTo(1);
        assertThat(preview.get("sample")).hasSize(3);
        assertThat(preview.get("sample").get(0).get("values").get("1").asString()).startsWith("Customer ");
        assertThat(preview.get("sample").get(0).get("values").get("2").asString()).isEqualTo("20%");

        assertThat(shop.post(campaign, "launch").get("status").asString()).isEqualTo("running");
        assertThat(shop.post(campaign, "launch").get("status").asString()).as("a retried launch").isIn("running", "completed");
        await(Duration.ofSeconds(30), () -> "completed".equals(shop.get(campaign).get("status").asString()));
        await(Duration.ofSeconds(30), () -> shop.counts(campaign).get("read").asLong() == 6);

        var counts = shop.counts(campaign);
        assertThat(counts.get("targeted").asLong()).isEqualTo(6);
        assertThat(counts.get("excluded").asLong()).isEqualTo(4);
        var recipients = shop.recipients(campaign);
        assertThat(recipients).hasSize(10);
        assertThat(recipients.stream().filter(r -> "excluded".equals(r.get("status").asString()))
                .map(r -> r.get("contactId").asString() + "=" + r.get("exclusion").asString()))
                .containsExactlyInAnyOrder(unconsented.get(0) + "=no-consent", unconsented.get(1) + "=no-consent",
                        optedOut.getFirst() + "=opted-out", minor.getFirst() + "=minor");
        assertThat(recipients.stream().filter(r -> "read".equals(r.get("status").asString()))
                .map(r -> r.get("contactId").asString())).containsExactlyInAnyOrderElementsOf(consenting);
        for (var status : new String[] {"sent", "delivered", "read"}) {
            assertThat(counts.get(status).asLong()).as(status)
                    .isEqualTo(recipients.stream().filter(r -> r.path(status + "At").isString()).count());
        }
        assertThat(shop.http().get("/api/v1/campaigns/" + campaign + "/recipients?status=excluded", shop.apiKey())
                .json().get("items")).hasSize(4);
        assertThat(jdbc.sql("select count(*) from messages where idempotency_key like :key")
                .param("key", "campaign:" + campaign + ":%").query(Long.class).single())
                .as("one message per consenting recipient").isEqualTo(6);

        var reply = shop.number().customerWritesText("+919000100003", "Customer 3", "Is the blue one in stock?");
        assertThat(reply).isNotBlank();
        await(() -> shop.counts(campaign).get("replied").asLong() == 1);
    }

    /**
     * A STOP (or any wording the opt-out module reads as one) after a campaign message is an opt-out in the funnel,
     * not a reply: before, every STOP also counted as "replied".
     */
    @Test
    void aStopAfterACampaignMessageCountsAsAnOptOutNotAReply() {
        var shop = CampaignFixture.create(new Http(port), "Stop Reply Shop", 80);
        var contacts = shop.contacts("stopreply", "+9190003", 0, 3, true, "");
        var campaign = shop.campaign("stopreply");
        shop.post(campaign, "launch");
        // At once: Meta stamps a customer's message in whole seconds, so a STOP in the send's own second is stamped
        // before the send, and counts all the same.
        await(Duration.ofSeconds(30), () -> shop.counts(campaign).get("read").asLong() == 3);

        shop.number().customerWritesText("+919000300000", "Customer 0", "STOP");
        shop.number().customerWritesText("+919000300001", "Customer 1", "Unsubscribe");
        shop.number().customerWritesText("+919000300002", "Customer 2", "Does it come in blue?");
        await(() -> shop.counts(campaign).get("optedOut").asLong() == 2 && shop.counts(campaign).get("replied").asLong() >= 1);

        var counts = shop.counts(campaign);
        assertThat(counts.get("replied").asLong()).as("only the question is a reply").isEqualTo(1);
        var recipients = shop.recipients(campaign);
        assertThat(recipients.stream().filter(r -> r.path("repliedAt").isString()).map(r -> r.get("contactId").asString()))
                .containsExactly(contacts.get(2));
        assertThat(recipients.stream().filter(r -> r.path("optedOutAt").isString()).map(r -> r.get("contactId").asString()))
                .containsExactlyInAnyOrder(contacts.get(0), contacts.get(1));
        assertThat(counts.get("optedOut").asLong()).isEqualTo(recipients.stream().filter(r -> r.path("optedOutAt").isString()).count());
    }

    @Test
    void aHeaderVariableAndAUrlButtonsSuffixArePersonalisedPerRecipientAndRequired() {
        var shop = CampaignFixture.create(new Http(port), "Header Shop", 80);
        var template = "header_" + Long.toString(System.nanoTime(), 36);
        var created = shop.http().post("/api/v1/templates", shop.apiKey(), """
                {"name": "%s", "language": "en_US", "category": "MARKETING",
                 "components": [{"type": "HEADER", "format": "TEXT", "text": "For {{1}}", "example": {"header_text": ["Asha"]}},
                                {"type": "BODY", "text": "Hello {{1}}, your offer is ready", "example": {"body_text": [["Asha"]]}},
                                {"type": "BUTTONS", "buttons": [{"type": "QUICK_REPLY", "text": "Not now"},
                                    {"type": "URL", "text": "See it", "url": "https://shop.example/o/{{1}}",
                                     "example": ["https://shop.example/o/A-17"]}]}]}""".formatted(template));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        var templateId = created.json().get("id").asString();
        await(() -> "APPROVED".equals(shop.http().get("/api/v1/templates/" + templateId, shop.apiKey()).json()
                .get("status").asString()));
        var audience = shop.contacts("header", "+9190008", 0, 2, true, "");

        var withoutButton = shop.http().post("/api/v1/campaigns", shop.apiKey(), """
                {"name": "No button", "template": {"name": "%s", "language": "en_US"}, "audience": {"tag": "header"},
                 "variables": {"1": {"field": "name", "fallback": "there"}, "header": {"value": "you"}}}""".formatted(template));
        assertThat(withoutButton.status()).isEqualTo(422);
        assertThat(withoutButton.json().get("detail").asString()).contains("button.1");

        var campaign = shop.http().post("/api/v1/campaigns", shop.apiKey(), """
                {"name": "Header and button", "template": {"name": "%s", "language": "en_US"}, "audience": {"tag": "header"},
                 "variables": {"1": {"field": "name", "fallback": "there"}, "header": {"field": "name", "fallback": "you"},
                               "button.1": {"field": "phone", "fallback": "offer"}}}""".formatted(template));
        assertThat(campaign.status()).as(campaign.body()).isEqualTo(201);
        var id = campaign.json().get("id").asString();
        shop.post(id, "launch");
        await(Duration.ofSeconds(30), () -> shop.counts(id).get("sent").asLong() == 2);
        for (var recipient : shop.recipients(id)) {
            var message = shop.http().get("/api/v1/messages/" + recipient.get("messageId").asString(), shop.apiKey()).json();
            var components = message.get("content").toString();
            var index = audience.indexOf(recipient.get("contactId").asString());
            assertThat(components).as(components).contains("\"header\"", "Customer " + index)
                    .contains("\"sub_type\":\"url\"", "+9190008%05d".formatted(index));
        }
    }

    @Test
    void aStopMidCampaignRemovesThePendingSendAndPauseResumeAndCancelControlIt() {
        var shop = CampaignFixture.create(new Http(port), "Stop Shop", 1);
        var audience = shop.contacts("slow", "+9190002", 0, 30, true, "");
        var campaign = shop.campaign("slow");
        shop.post(campaign, "launch");
        await(() -> shop.counts(campaign).get("sent").asLong() >= 1);

        // The last of the snapshot is far from being fed at one message a second: a STOP takes it out.
        var last = shop.recipients(campaign).getLast().get("contactId").asString();
        var index = audience.indexOf(last);
        shop.number().customerWritesText("+9190002%05d".formatted(index), "Customer " + index, "STOP");
        await(() -> "withdrawn".equals(recipient(shop, campaign, last).get("status").asString()));
        assertThat(recipient(shop, campaign, last).get("exclusion").asString()).isEqualTo("opted-out");

        // One waiting in the outbox: a withdrawal by an agent takes its queued message back.
        var queued = shop.recipients(campaign).stream().filter(r -> "queued".equals(r.get("status").asString())
                && r.path("messageId").isString()).reduce((a, b) -> b).orElseThrow();
        var message = queued.get("messageId").asString();
        shop.optOut(queued.get("contactId").asString());
        var after = recipient(shop, campaign, queued.get("contactId").asString());
        assertThat(after.get("status").asString()).as(after.toString()).isIn("withdrawn", "failed");
        if ("withdrawn".equals(after.get("status").asString())) {
            assertThat(jdbc.sql("select count(*) from messages where id = :id").param("id", UUID.fromString(message))
                    .query(Long.class).single()).as("the queued message is gone from the outbox").isZero();
        }

        var paused = shop.post(campaign, "pause");
        assertThat(paused.get("status").asString()).isEqualTo("paused");
        assertThat(shop.post(campaign, "pause").get("status").asString()).as("a retried pause").isEqualTo("paused");
        assertThat(jdbc.sql("select count(*) from messages where idempotency_key like :key and status = 'queued'")
                .param("key", "campaign:" + campaign + ":%").query(Long.class).single())
                .as("nothing of a paused campaign waits in the outbox").isZero();
        var sentWhenPaused = shop.counts(campaign).get("sent").asLong();
        sleep(2500);
        assertThat(shop.counts(campaign).get("sent").asLong()).as("a paused campaign sends nothing more")
                .isLessThanOrEqualTo(sentWhenPaused + 1);

        shop.post(campaign, "resume");
        await(() -> shop.counts(campaign).get("sent").asLong() >= sentWhenPaused + 2);
        var cancelled = shop.post(campaign, "cancel");
        assertThat(cancelled.get("status").asString()).isEqualTo("cancelled");
        var resumed = shop.http().post("/api/v1/campaigns/" + campaign + "/resume", shop.apiKey(), "");
        assertThat(resumed.status()).isEqualTo(409);
        assertThat(resumed.json().get("type").asString()).isEqualTo("urn:maxmysales:problem:campaign-not-changeable");
        assertThat(resumed.json().get("detail").asString()).as("words for a person, not the campaign's id")
                .endsWith("is cancelled, so it cannot be resumed.").doesNotContain(campaign.toString());

        await(() -> shop.counts(campaign).get("queued").asLong() == 0);
        var counts = shop.counts(campaign);
        var recipients = shop.recipients(campaign);
        assertThat(recipients.stream().filter(r -> "withdrawn".equals(r.get("status").asString())).count())
                .isEqualTo(counts.get("withdrawn").asLong()).isGreaterThan(10);
        assertThat(jdbc.sql("select count(*) from messages m join contacts c on c.id = m.contact_id where m.idempotency_key = :key")
                .param("key", "campaign:" + campaign + ":" + last).query(Long.class).single())
                .as("the customer who wrote STOP got nothing").isZero();
        assertThat(counts.get("sent").asLong()).isEqualTo(recipients.stream().filter(r -> r.path("sentAt").isString()).count());
    }

    @Test
    void aTemplateMetaPausedPausesItsRunningCampaignAndTheOwnerIsTold() {
        var shop = CampaignFixture.create(new Http(port), "Paused Template Shop", 1);
        shop.contacts("paused", "+9190003", 0, 20, true, "");
        var campaign = shop.campaign("paused");
        shop.post(campaign, "launch");
        await(() -> shop.counts(campaign).get("sent").asLong() >= 1);

        var template = shop.http().get("/api/v1/templates?status=APPROVED", shop.apiKey()).json().get("items").get(0);
        var paused = """
                {"object": "whatsapp_business_account", "entry": [{"id": "%s", "time": %d, "changes": [{
                  "field": "message_template_status_update",
                  "value": {"event": "PAUSED", "message_template_id": %s, "message_template_name": "%s",
                    "message_template_language": "en_US", "reason": "NONE",
                    "other_info": {"title": "FIRST_PAUSE", "description": "Paused for 3 hours: low quality"}}}]}]}"""
                .formatted(shop.number().wabaId(), Instant.now().getEpochSecond() + 60,
                        template.get("metaTemplateId").asString(), shop.template());
        assertThat(MetaWebhooks.post(shop.http(), paused).status()).isEqualTo(200);

        await(() -> "paused".equals(shop.get(campaign).get("status").asString()));
        assertThat(shop.get(campaign).get("pausedReason").asString()).contains("paused", shop.template());
        assertThat(jdbc.sql("select title from workspace_notices where notice_key = :key")
                .param("key", "campaign-paused:" + campaign).query(String.class).single()).contains("Weekend sale", "paused");
        var resumed = shop.http().post("/api/v1/campaigns/" + campaign + "/resume", shop.apiKey(), "");
        assertThat(resumed.status()).as("Meta refuses the template while it is paused").isEqualTo(422);
        assertThat(resumed.json().get("type").asString()).isEqualTo("urn:maxmysales:problem:template-not-approved");
    }

    @Test
    void badInputIsA422WithAStableTypeAndNothingIsWritten() {
        var shop = CampaignFixture.create(new Http(port), "Careless Shop", 80);
        var before = shop.http().get("/api/v1/campaigns", shop.apiKey()).json().get("items").size();
        assertProblem(shop, """
                {"name": "x", "template": {"name": "never_submitted", "language": "en_US"}, "audience": {"tag": "a"}}""",
                "template-not-approved");
        assertProblem(shop, """
                {"name": "x", "template": {"name": "%s", "language": "en_US"}, "audience": {"tag": "a", "listId": "%s"},
                 "variables": {"1": {"value": "a"}, "2": {"value": "b"}}}""".formatted(shop.template(), UUID.randomUUID()),
                "invalid-audience");
        assertProblem(shop, """
                {"name": "x", "template": {"name": "%s", "language": "en_US"}, "audience": {"segmentId": "%s"},
                 "variables": {"1": {"value": "a"}, "2": {"value": "b"}}}""".formatted(shop.template(), UUID.randomUUID()),
                "invalid-audience");
        assertProblem(shop, """
                {"name": "x", "template": {"name": "%s", "language": "en_US"}, "audience": {"tag": "a"},
                 "variables": {"1": {"field": "name"}, "2": {"value": "b"}}}""".formatted(shop.template()),
                "invalid-campaign");
        assertProblem(shop, """
                {"name": "x", "template": {"name": "%s", "language": "en_US"}, "audience": {"tag": "a"},
                 "variables": {"1": {"value": "a"}}}""".formatted(shop.template()),
                "invalid-campaign");
        assertProblem(shop, """
                {"name": "x", "template": {"name": "%s", "language": "en_US"}, "audience": {"tag": "a"},
                 "variables": {"1": {"value": "a"}, "2": {"value": "b"}}, "scheduledAt": "yesterday"}""".formatted(shop.template()),
                "invalid-campaign");
        assertProblem(shop, "{\"template\": {\"name\": \"%s\", \"language\": \"en_US\"}}".formatted(shop.template()),
                "invalid-campaign");
        assertThat(shop.http().get("/api/v1/campaigns", shop.apiKey()).json().get("items")).hasSize(before);
        var settings = shop.http().put("/api/v1/campaigns/settings", shop.apiKey(), "{\"quietStart\": \"25:00\"}");
        assertThat(settings.status()).isEqualTo(422);
        assertThat(settings.json().get("type").asString()).isEqualTo("urn:maxmysales:problem:invalid-campaign-settings");
    }

    @Test
    void anotherWorkspacesCampaignIsNotFound() {
        var shop = CampaignFixture.create(new Http(port), "Isolated Shop", 80);
        shop.contacts("mine", "+9190004", 0, 2, true, "");
        var campaign = shop.campaign("mine");
        var other = new Http(port).createWorkspace("Prying Shop");
        for (var path : new String[] {"", "/recipients", "/preview"}) {
            assertThat(shop.http().get("/api/v1/campaigns/" + campaign + path, other).status()).as(path).isEqualTo(404);
        }
        for (var action : new String[] {"launch", "pause", "resume", "cancel"}) {
            assertThat(shop.http().post("/api/v1/campaigns/" + campaign + "/" + action, other, "").status()).as(action)
                    .isEqualTo(404);
        }
        assertThat(shop.http().get("/api/v1/campaigns", other).json().get("items")).isEmpty();
        assertThat(shop.get(campaign).get("status").asString()).isEqualTo("draft");
    }

    private static void assertProblem(CampaignFixture shop, String body, String type) {
        var refused = shop.http().post("/api/v1/campaigns", shop.apiKey(), body);
        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.json().get("type").asString()).isEqualTo("urn:maxmysales:problem:" + type);
    }

    private static JsonNode recipient(CampaignFixture shop, String campaign, String contact) {
        return shop.recipients(campaign).stream().filter(r -> contact.equals(r.get("contactId").asString())).findFirst()
                .orElseThrow();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
