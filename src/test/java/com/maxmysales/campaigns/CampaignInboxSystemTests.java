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
