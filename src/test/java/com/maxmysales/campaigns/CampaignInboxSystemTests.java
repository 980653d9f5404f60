package com.maxmysales.campaigns;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import com.maxmysales.support.Http;
import com.maxmysales.support.PlatformTest;
import com.maxmysales.support.WebSession;
import com.maxmysales.tenancy.ApiKeyManagement;
import com.maxmysales.tenancy.SignUp;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static com.maxmysales.support.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Walkthrough finding 4: a campaign puts nothing in the team inbox (its list, its search, the dashboard's open
 * count) until a customer replies; the reply brings exactly that conversation in, the campaign's message in its thread.
 */
@PlatformTest
class CampaignInboxSystemTests {

    private static final String PASSWORD = "a long enough password";

    @LocalServerPort
    int port;
    @Autowired
    SignUp signUp;
    @Autowired
    ApiKeyManagement apiKeys;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aCampaignLeavesTheInboxEmptyUntilOneCustomerRepliesAndOnlyTheirConversationComesIn() {
        var email = "campaign-inbox-" + System.nanoTime() + "@shop.example";
        var created = (SignUp.Result.Created) signUp.register(new SignUp.Form("Quiet Inbox Shop", "Owner", email,
                PASSWORD, true, true));
        var web = new WebSession(port, WebSession.newClientAddress());
        assertThat(web.signIn(email, PASSWORD)).isTrue();
        var shop = CampaignFixture.forKey(new Http(port),
                apiKeys.create(created.workspace(), "Campaigns", created.owner()).key().reveal(), 80);
        var audience = shop.contacts("quiet", "+9190007", 0, 3, true, "");
        var campaign = shop.campaign("quiet");
        shop.post(campaign, "launch");
        await(Duration.ofSeconds(30), () -> shop.counts(campaign).get("delivered").asLong() == 3);

        assertThat(conversations(shop)).as("three customers got the campaign; none wrote").isEmpty();
        assertThat(openOnDashboard(web)).isZero();
        assertThat(shop.http().get("/api/v1/conversations?status=open", shop.apiKey()).json().get("items")).isEmpty();

        shop.number().customerWritesText("+919000700001", "Customer 1", "Do you have it in red?");
        await(() -> conversations(shop).size() == 1);
        var shown = conversations(shop).getFirst();
        assertThat(shown.get("contactId").asString()).isEqualTo(audience.get(1));
        assertThat(shown.get("status").asString()).isEqualTo("open");
        assertThat(openOnDashboard(web)).isEqualTo(1);

        var thread = new ArrayList<String>();
        shop.http().get("/api/v1/conversations/" + shown.get("id").asString() + "/messages", shop.apiKey()).json()
                .get("items").forEach(message -> thread.add(message.get("direction").asString()));
        assertThat(thread).as("the campaign's message and the reply, in one thread").contains("outbound", "inbound");
    }

    /**
     * A customer who answers after the campaign's conversation ended (24 hours without a message) opens a new
     * conversation: it shows the campaign message they answer, as the reply's context, and the campaign counts the
     * reply. Before, the new thread held the customer's words alone.
     */
    @Test
    void aReplyAfterTheCampaignsConversationEndedShowsTheCampaignMessageInTheNewConversationAndCounts() {
        var email = "campaign-later-" + System.nanoTime() + "@shop.example";
        var created = (SignUp.Result.Created) signUp.register(new SignUp.Form("Later Reply Shop", "Owner", email,
                PASSWORD, true, true));
        var web = new WebSession(port, WebSession.newClientAddress());
        assertThat(web.signIn(email, PASSWORD)).isTrue();
        var shop = CampaignFixture.forKey(new Http(port),
                apiKeys.create(created.workspace(), "Campaigns", created.owner()).key().reveal(), 80);
        var audience = shop.contacts("later", "+9190017", 0, 2, true, "");
        var campaign = shop.campaign("later");
        shop.post(campaign, "launch");
        await(Duration.ofSeconds(30), () -> shop.counts(campaign).get("delivered").asLong() == 2);
        var sent = jdbc.sql("select id, conversation_id, wamid from messages where idempotency_key = :key")
                .param("key", "campaign:" + campaign + ":" + audience.getFirst())
                .query((rs, n) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3))).single();
        // What the idle job does to a conversation 24 hours after its last message (messaging's conversation-idle-timeout).
        jdbc.sql("update conversations set state = 'ended', ended_at = now() where id = cast(:id as uuid)")
                .param("id", sent.get(1)).update();

        shop.number().customerWritesText("+919001700000", "Customer 0", "Is the offer still on?");
        await(() -> conversations(shop).size() == 1);
        var shown = conversations(shop).getFirst();
        assertThat(shown.get("contactId").asString()).isEqualTo(audience.getFirst());
        assertThat(shown.get("id").asString()).as("a new conversation").isNotEqualTo(sent.get(1));

        var thread = shop.http().get("/api/v1/conversations/" + shown.get("id").asString() + "/messages", shop.apiKey())
                .json().get("items");
        assertThat(thread).hasSize(1);
        assertThat(thread.get(0).get("direction").asString()).isEqualTo("inbound");
        assertThat(thread.get(0).path("replyTo").asString(null)).as("the campaign message is the reply's context")
                .isEqualTo(sent.get(2));
        var page = web.get("/app/inbox/" + shown.get("id").asString()).body();
        assertThat(page).as("the thread shows the campaign message answered").contains("[template " + shop.template() + "]", "Is the offer still on?")
                .doesNotContain("an earlier message");
        await(() -> shop.counts(campaign).get("replied").asLong() == 1);
        assertThat(shop.recipients(campaign).stream().filter(r -> r.path("repliedAt").isString())
                .map(r -> r.get("contactId").asString())).containsExactly(audience.getFirst());

        shop.number().customerWritesText("+919001700000", "Customer 0", "And in blue?");
        await(() -> shop.http().get("/api/v1/conversations/" + shown.get("id").asString() + "/messages", shop.apiKey())
                .json().get("items").size() == 2);
        // By its words, not its place: Meta's timestamps have whole seconds, and both may come in the same one.
        var second = java.util.stream.StreamSupport.stream(shop.http().get("/api/v1/conversations/"
                        + shown.get("id").asString() + "/messages", shop.apiKey()).json().get("items").spliterator(), false)
                .filter(message -> "And in blue?".equals(message.path("text").asString(null))).findFirst().orElseThrow();
        assertThat(second.path("replyTo").isNull() || second.path("replyTo").isMissingNode())
                .as("only the answer carries the campaign message as its context").isTrue();
        assertThat(shop.counts(campaign).get("replied").asLong()).isEqualTo(1);
    }

    /**
     * An agent writes to a campaign's recipient (here a template through the API) before they replied: it is a
     * conversation now, and the inbox shows it. Before, it stayed hidden until the customer wrote.
     */
    @Test
    void anAgentsMessageIntoACampaignConversationBeforeAnyReplyBringsItIntoTheInbox() {
        var email = "campaign-agent-" + System.nanoTime() + "@shop.example";
        var created = (SignUp.Result.Created) signUp.register(new SignUp.Form("Agent First Shop", "Owner", email,
                PASSWORD, true, true));
        var web = new WebSession(port, WebSession.newClientAddress());
        assertThat(web.signIn(email, PASSWORD)).isTrue();
        var shop = CampaignFixture.forKey(new Http(port),
                apiKeys.create(created.workspace(), "Campaigns", created.owner()).key().reveal(), 80);
        var audience = shop.contacts("first", "+9190018", 0, 2, true, "");
        var campaign = shop.campaign("first");
        shop.post(campaign, "launch");
        await(Duration.ofSeconds(30), () -> shop.counts(campaign).get("delivered").asLong() == 2);
        assertThat(conversations(shop)).isEmpty();

        var agent = shop.http().post("/api/v1/messages", shop.apiKey(), """
                {"to": "+919001800001", "type": "template", "purpose": "marketing",
                 "template": {"name": "%s", "language": "en_US", "components": [{"type": "body", "parameters":
                   [{"type": "text", "text": "Ravi"}, {"type": "text", "text": "25%%"}]}]}}""".formatted(shop.template()));
        assertThat(agent.status()).as(agent.body()).isLessThan(300);

        await(() -> conversations(shop).size() == 1);
        var shown = conversations(shop).getFirst();
        assertThat(shown.get("contactId").asString()).isEqualTo(audience.get(1));
        var thread = new ArrayList<String>();
        shop.http().get("/api/v1/conversations/" + shown.get("id").asString() + "/messages", shop.apiKey()).json()
                .get("items").forEach(message -> thread.add(message.get("direction").asString()));
        assertThat(thread).as("the campaign's message and the agent's, in one conversation").containsExactly("outbound", "outbound");
        assertThat(openOnDashboard(web)).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from conversations where workspace_id = :w and opened_by_campaign")
                .param("w", created.workspace().value()).query(Long.class).single())
                .as("the other recipient's conversation stays out").isEqualTo(1);
    }

    private static List<JsonNode> conversations(CampaignFixture shop) {
        var items = new ArrayList<JsonNode>();
        shop.http().get("/api/v1/conversations", shop.apiKey()).json().get("items").forEach(items::add);
        return items;
    }

    private static long openOnDashboard(WebSession web) {
        var matcher = Pattern.compile("id=\"stat-open\">(\\d+)<").matcher(web.get("/app").body());
        assertThat(matcher.find()).as("the dashboard's open count").isTrue();
        return Long.parseLong(matcher.group(1));
    }
}
