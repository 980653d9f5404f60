package com.maxmysales.campaigns;

import java.util.ArrayList;
import java.util.List;

import com.maxmysales.support.Http;
import com.maxmysales.support.SandboxNumber;

import tools.jackson.databind.JsonNode;

import static com.maxmysales.support.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A workspace ready for a campaign, made over the API as a business would: a sandbox number (at a chosen pace),
 * a marketing template the sandbox approved, and contacts with the tag the campaign goes to.
 */
public record CampaignFixture(Http http, String apiKey, SandboxNumber number, String template) {

    /** Without quiet hours (start = end), so that the test sends whatever the time of day where it runs. */
    static CampaignFixture create(Http http, String workspace, int messagesPerSecond) {
        return forKey(http, http.createWorkspace(workspace), messagesPerSecond);
    }

    /** The same for a workspace made otherwise (with members who sign in), given its API key. */
    public static CampaignFixture forKey(Http http, String apiKey, int messagesPerSecond) {
        var fixture = ready(http, apiKey, messagesPerSecond);
        var rules = http.put("/api/v1/campaigns/settings", fixture.apiKey(), "{\"quietStart\": \"00:00\", \"quietEnd\": \"00:00\"}");
        assertThat(rules.status()).as(rules.body()).isEqualTo(200);
        return fixture;
    }

    static CampaignFixture withDefaultRules(Http http, String workspace, int messagesPerSecond) {
        return ready(http, http.createWorkspace(workspace), messagesPerSecond);
    }

    /** A workspace made otherwise, keeping the install's default quiet hours (21:00–09:00). */
    static CampaignFixture withDefaultRulesForKey(Http http, String apiKey, int messagesPerSecond) {
        return ready(http, apiKey, messagesPerSecond);
    }

    private static CampaignFixture ready(Http http, String apiKey, int messagesPerSecond) {
        var number = SandboxNumber.connect(http, apiKey,
                "{\"sandbox\": true, \"messagesPerSecond\": " + messagesPerSecond + "}");
        var template = "offer_" + Long.toString(System.nanoTime(), 36);
        var created = http.post("/api/v1/templates", apiKey, """
                {"name": "%s", "language": "en_US", "category": "MARKETING",
                 "components": [{"type": "BODY", "text": "Hello {{1}}, this week only: {{2}} off everything in the shop",
                                 "example": {"body_text": [["Asha", "20%%"]]}},
                                {"type": "FOOTER", "text": "Reply STOP to opt out"}]}""".formatted(template));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        var id = created.json().get("id").asString();
        await(() -> "APPROVED".equals(http.get("/api/v1/templates/" + id, apiKey).json().get("status").asString()));
        return new CampaignFixture(http, apiKey, number, template);
    }

    /** Contacts with the tag and, when {@code consent}, a marketing grant; their ids in order. */
    public List<String> contacts(String tag, String phonePrefix, int from, int count, boolean consent, String extra) {
        var ids = new ArrayList<String>();
        for (int start = from; start < from + count; start += 500) {
            var items = new StringBuilder();
            for (int i = start; i < Math.min(from + count, start + 500); i++) {
                items.append(items.isEmpty() ? "" : ",").append("""
                        {"phone": "%s%05d", "name": "Customer %d", "tags": ["%s"]%s%s}""".formatted(phonePrefix, i, i, tag,
                        consent ? ", \"consent\": {\"purpose\": \"marketing\", \"source\": \"web_form\", \"basis\": \"checkout tick box\"}" : "",
                        extra));
            }
            var bulk = http.post("/api/v1/contacts/bulk", apiKey, "{\"contacts\": [" + items + "]}");
            assertThat(bulk.status()).as(bulk.body()).isEqualTo(200);
            bulk.json().forEach(row -> {
                assertThat(row.path("error").isNull() || row.path("error").isMissingNode()).as(row.toString()).isTrue();
                ids.add(row.get("id").asString());
            });
        }
        return ids;
    }

    void optOut(String contact) {
        var withdrawn = http.post("/api/v1/contacts/" + contact + "/consents", apiKey,
                "{\"purpose\": \"marketing\", \"status\": \"withdrawn\", \"source\": \"agent\"}");
        assertThat(withdrawn.status()).as(withdrawn.body()).isLessThan(300);
    }

    public String campaign(String tag) {
        var created = http.post("/api/v1/campaigns", apiKey, """
                {"name": "Weekend sale", "template": {"name": "%s", "language": "en_US"}, "audience": {"tag": "%s"},
                 "variables": {"1": {"field": "name", "fallback": "there"}, "2": {"value": "20%%"}}}""".formatted(template, tag));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("status").asString()).isEqualTo("draft");
        return created.json().get("id").asString();
    }

    public JsonNode get(String campaign) {
        return http.get("/api/v1/campaigns/" + campaign, apiKey).json();
    }

    public JsonNode counts(String campaign) {
        return get(campaign).get("counts");
    }

    public JsonNode post(String campaign, String action) {
        var answer = http.post("/api/v1/campaigns/" + campaign + "/" + action, apiKey, "");
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    /** Every recipient, page by page. */
    List<JsonNode> recipients(String campaign) {
        var all = new ArrayList<JsonNode>();
        String cursor = null;
        do {
            var page = http.get("/api/v1/campaigns/" + campaign + "/recipients?limit=500"
                    + (cursor == null ? "" : "&cursor=" + cursor), apiKey).json();
            page.get("items").forEach(all::add);
            cursor = page.path("nextCursor").isString() ? page.get("nextCursor").asString() : null;
        } while (cursor != null);
        return all;
    }
}
