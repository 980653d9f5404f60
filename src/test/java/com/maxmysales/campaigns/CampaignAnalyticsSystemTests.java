package com.maxmysales.campaigns;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;

import com.maxmysales.shared.WorkspaceId;
import com.maxmysales.support.ClockedPlatformTest;
import com.maxmysales.support.Http;
import com.maxmysales.support.MetaWebhooks;
import com.maxmysales.support.MutableClock;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static com.maxmysales.support.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 19, the analytics' campaigns card, over real HTTP with the sandbox as Meta: a campaign's funnel in
 * {@code /api/v1/analytics/campaigns} equals the campaign's own counts, a status webhook delivered again changes
 * nothing, and the figures survive the content purge unchanged (P4). On the test clock, for the purge.
 */
@ClockedPlatformTest
class CampaignAnalyticsSystemTests {

    private static final List<String> FUNNEL = List.of("sent", "delivered", "read", "replied", "optedOut");

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MutableClock clock;
    @Autowired
    CampaignFunnel funnel;

    /**
     * Mutations caught: a status, reply or opt-out that moves the recipients without counting (or counts what did not
     * move, like a redelivered status) → the analytics differ from the campaign's counts or change on redelivery;
     * analytics read from the recipients or messages at query time, or touched by the purge → the figures after the
     * purge differ.
     */
    @Test
    void theCampaignsFunnelEqualsItsOwnCountsIgnoresARedeliveryAndSurvivesThePurge() {
        var shop = CampaignFixture.create(new Http(port), "Campaign Figures Shop", 80);
        var workspace = UUID.fromString(shop.http().get("/api/v1/workspace", shop.apiKey()).json().get("id").asString());
        var contacts = shop.contacts("figures", "+9190071", 0, 5, true, "");
        var campaign = shop.campaign("figures");
        shop.post(campaign, "launch");
        // The number's send slots move on with the clock: it ticks a second at a time while the sends go out.
        await(Duration.ofSeconds(30), () -> {
            clock.advance(Duration.ofSeconds(1));
            return "completed".equals(shop.get(campaign).get("status").asString());
        });
        await(Duration.ofSeconds(30), () -> shop.counts(campaign).get("read").asLong() == 5);
        shop.number().customerWritesText("+919007100001", "Customer 1", "Is the blue one in stock?");
        shop.number().customerWritesText("+919007100002", "Customer 2", "STOP");
        // A STOP is an opt-out, not an answer: one replied, one opted out, as on the campaign's page.
        await(() -> shop.counts(campaign).get("replied").asLong() == 1 && shop.counts(campaign).get("optedOut").asLong() == 1);

        var counts = shop.counts(campaign);
        var figures = campaignIn(analytics(shop, ""), campaign);
        for (var step : FUNNEL) {
            assertThat(figures.get(step).asLong()).as(step).isEqualTo(counts.get(step).asLong());
        }
        assertThat(figures.get("sent").asLong()).isEqualTo(5);
        assertThat(figures.get("name").asString()).isEqualTo("Weekend sale");
        assertThat(figures.get("stopRate").asDouble()).isEqualTo(0.2);
        assertThat(figures.get("replyRate").asDouble()).isEqualTo(0.2);
        var report = analytics(shop, "");
        oneTablePerCsv(shop, report, campaign);
        for (var step : FUNNEL) {
            assertThat(StreamSupport.stream(report.get("days").spliterator(), false).mapToLong(day -> day.get(step).asLong())
                    .sum()).as("the days' " + step).isEqualTo(counts.get(step).asLong());
        }

        var recipient = shop.recipients(campaign).getFirst();
        var wamid = jdbc.sql("select wamid from messages where id = ?")
                .param(UUID.fromString(recipient.get("messageId").asString())).query(String.class).single();
        var again = MetaWebhooks.statuses(shop.number().phoneNumberId(),
                MetaWebhooks.status(wamid, "delivered", clock.instant().getEpochSecond(), "919007100000"),
                MetaWebhooks.status(wamid, "read", clock.instant().getEpochSecond(), "919007100000"));
        assertThat(MetaWebhooks.post(shop.http(), again).status()).isEqualTo(200);
        await(() -> jdbc.sql("select count(*) from webhook_events where body_hash = sha256(?) and state = 'processed'")
                .param(again.getBytes(StandardCharsets.UTF_8)).query(Integer.class).single() == 1);
        var range = "?from=" + report.get("from").asString() + "&to=" + report.get("to").asString();
        assertThat(campaignIn(analytics(shop, range), campaign)).as("a redelivered webhook moves nothing").isEqualTo(figures);
        // Messaging passes on only a status that moved the message; the recipients' own guard is tried here.
        for (var status : List.of("sent", "delivered", "read")) {
            funnel.statuses(List.of(new RecipientRows.StatusChange(new WorkspaceId(workspace),
                    UUID.fromString(recipient.get("messageId").asString()), status, null, null, clock.instant())));
        }
        var before = analytics(shop, range);
        assertThat(campaignIn(before, campaign)).as("a status applied again moves nothing").isEqualTo(figures);
        var rowsBefore = rows(workspace);
        // The purge takes the content of conversations that ended: the reply's and the STOP's end when resolved.
        var answered = contacts.subList(1, 3).stream().map(contact -> resolvedConversation(shop, contact)).toList();
        assertThat(textsIn(answered)).isEqualTo(2);

        clock.advance(Duration.ofDays(31));
        assertThat(shop.http().post("/api/v1/privacy/purges", shop.apiKey(), "{}").status()).isEqualTo(200);

        assertThat(textsIn(answered)).as("the customers' words are gone").isZero();
        assertThat(rows(workspace)).isEqualTo(rowsBefore);
        assertThat(analytics(shop, range)).isEqualTo(before);
    }

    /**
     * Each CSV is one table a spreadsheet opens as such: one header, then rows of its width. Before, the campaigns' CSV
     * held the days, an empty line and a second header with the campaigns under it.
     */
    private static void oneTablePerCsv(CampaignFixture shop, JsonNode report, String campaign) {
        var days = csv(shop, "campaigns", List.of("date", "sent", "delivered", "read", "replied", "opted_out"));
        assertThat(days).hasSize(report.get("days").size());
        assertThat(days.stream().mapToLong(day -> Long.parseLong(day.get("opted_out"))).sum()).isEqualTo(1);
        var funnels = csv(shop, "campaign-funnels", List.of("campaign_id", "name", "sent", "delivered", "read", "replied",
                "opted_out", "delivery_rate", "read_rate", "reply_rate", "stop_rate"));
        assertThat(funnels).singleElement().satisfies(row -> {
            assertThat(row.get("campaign_id")).isEqualTo(campaign);
            assertThat(row.get("name")).isEqualTo("Weekend sale");
            assertThat(row.get("replied")).isEqualTo("1");
            assertThat(row.get("stop_rate")).isEqualTo("0.2");
        });
    }

    private static List<org.apache.commons.csv.CSVRecord> csv(CampaignFixture shop, String chart, List<String> header) {
        var answer = shop.http().get("/api/v1/analytics/" + chart + ".csv", shop.apiKey());
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        try (var parser = org.apache.commons.csv.CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new java.io.StringReader(answer.body()))) {
            assertThat(parser.getHeaderNames()).isEqualTo(header);
            var rows = parser.getRecords();
            assertThat(rows).as(chart + ".csv:\n" + answer.body()).allSatisfy(row -> assertThat(row.isConsistent()).isTrue());
            return rows;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static JsonNode analytics(CampaignFixture shop, String query) {
        var answer = shop.http().get("/api/v1/analytics/campaigns" + query, shop.apiKey());
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    private static JsonNode campaignIn(JsonNode report, String campaign) {
        return StreamSupport.stream(report.get("campaigns").spliterator(), false)
                .filter(figures -> figures.get("campaignId").asString().equals(campaign)).findFirst().orElseThrow();
    }

    private static UUID resolvedConversation(CampaignFixture shop, String contact) {
        var conversation = shop.http().get("/api/v1/conversations?contactId=" + contact, shop.apiKey()).json()
                .get("items").get(0).get("id").asString();
        var resolved = shop.http().patch("/api/v1/conversations/" + conversation, shop.apiKey(), "{\"status\": \"resolved\"}");
        assertThat(resolved.status()).as(resolved.body()).isEqualTo(200);
        return UUID.fromString(conversation);
    }

    private int textsIn(List<UUID> conversations) {
        return jdbc.sql("""
                select count(*) from messages where conversation_id in (:conversations) and direction = 'inbound'
                  and text is not null""").param("conversations", conversations).query(Integer.class).single();
    }

    private List<String> rows(UUID workspace) {
        return jdbc.sql("select * from analytics_campaign_days where workspace_id = ? order by day, campaign_id")
                .param(workspace).query().listOfRows().stream().map(Object::toString).toList();
    }
}
