package com.maxmysales.whatsapp;

import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import com.maxmysales.support.PlatformTest;
import com.maxmysales.support.WebSession;
import com.maxmysales.tenancy.BusinessUserPrincipal;
import com.maxmysales.tenancy.Role;
import com.maxmysales.tenancy.SignUp;
import com.maxmysales.tenancy.Team;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The numbers settings over real HTTP with a signed-in session: an owner connects a sandbox number in one click,
 * changes its pace and disconnects it (with a confirmation); an agent is refused every page; another workspace's
 * owner finds none of the numbers.
 */
@PlatformTest
class NumberPagesSystemTests {

    private static final String PASSWORD = "a long enough password";
    private static final Pattern NUMBER_ROW = Pattern.compile("id=\"number-([0-9a-f-]{36})\"");
    private static final Pattern PHONE_NUMBER_ID = Pattern.compile("<dd class=\"secret\">([0-9]+)</dd>");

    @LocalServerPort
    int port;
    @Autowired
    SignUp signUp;
    @Autowired
    Team team;

    record Business(WebSession owner, WebSession agent) {
    }

    @Test
    void anOwnerConnectsASandboxNumberInOneClickChangesItsPaceAndDisconnectsIt() {
        var shop = business("Numbers Shop");
        assertThat(shop.owner().get("/app/settings/numbers").body()).contains("id=\"numbers-empty\"");

        var connected = shop.owner().postForm("/app/settings/numbers/sandbox", Map.of());
        assertThat(connected.status()).isEqualTo(302);
        assertThat(connected.header("Location")).endsWith("/app/settings/numbers");
        var list = shop.owner().get("/app/settings/numbers");
        assertThat(list.body()).contains("id=\"numbers-connected\"", "Sandbox number", "80 msg/s", "active");
        var channel = only(list.body());

        var page = shop.owner().get("/app/settings/numbers/" + channel);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("sandbox number", "id=\"pace\"");

        var paced = shop.owner().postForm("/app/settings/numbers/" + channel + "/pace", Map.of("messagesPerSecond", "25"));
        assertThat(paced.status()).isEqualTo(302);
        assertThat(shop.owner().get("/app/settings/numbers").body()).contains("25 msg/s");
        var tooFast = shop.owner().postForm("/app/settings/numbers/" + channel + "/pace",
                Map.of("messagesPerSecond", "5000"));
        assertThat(tooFast.status()).isEqualTo(422);
        assertThat(tooFast.body()).contains("id=\"number-error\"", "between 1 and 1000");

        var phoneNumberId = PHONE_NUMBER_ID.matcher(page.body()).results().findFirst().orElseThrow().group(1);
        assertThat(shop.owner().get("/sandbox/phone").body()).as("the phone simulator offers it")
                .contains("value=\"" + phoneNumberId + "\"");

        var unconfirmed = shop.owner().postForm("/app/settings/numbers/" + channel + "/disconnect", Map.of());
        assertThat(unconfirmed.status()).as("a disconnection needs its tick").isEqualTo(422);
        assertThat(shop.owner().get("/app/settings/numbers").body()).contains("number-" + channel);

        var disconnected = shop.owner().postForm("/app/settings/numbers/" + channel + "/disconnect",
                Map.of("confirm", "yes"));
        assertThat(disconnected.status()).isEqualTo(302);
        var after = shop.owner().get("/app/settings/numbers");
        assertThat(after.body()).contains("id=\"numbers-disconnected\"").doesNotContain("number-" + channel);
        assertThat(shop.owner().get("/app/settings/numbers/" + channel).status()).isEqualTo(404);
        assertThat(shop.owner().get("/sandbox/phone").body()).as("closed in the sandbox too")
                .doesNotContain(phoneNumberId).contains("id=\"no-numbers\"");
        assertThat(shop.owner().postForm("/app/settings/numbers/" + channel + "/disconnect", Map.of("confirm", "yes"))
                .status()).as("disconnecting again, as a retried form does, changes nothing").isEqualTo(302);
        assertThat(shop.owner().get("/app/settings/numbers").body()).doesNotContain("number-" + channel);
    }

    @Test
    void anAgentOpensNoNumberSettingsAndConnectsNothing() {
        var shop = business("Agent Numbers Shop");
        shop.owner().postForm("/app/settings/numbers/sandbox", Map.of());
        var channel = only(shop.owner().get("/app/settings/numbers").body());

        assertThat(shop.agent().get("/app/settings/numbers").status()).isEqualTo(403);
        assertThat(shop.agent().get("/app/settings/numbers/" + channel).status()).isEqualTo(403);
        assertThat(shop.agent().postForm("/app/settings/numbers/sandbox", Map.of()).status()).isEqualTo(403);
        assertThat(shop.agent().postForm("/app/settings/numbers/" + channel + "/pace",
                Map.of("messagesPerSecond", "1")).status()).isEqualTo(403);
        assertThat(shop.agent().postForm("/app/settings/numbers/" + channel + "/disconnect",
                Map.of("confirm", "yes")).status()).isEqualTo(403);
        assertThat(shop.owner().get("/app/settings/numbers").body()).contains("number-" + channel, "80 msg/s");
    }

    @Test
    void anotherWorkspaceFindsNoneOfTheNumbers() {
        var shop = business("Isolated Numbers Shop");
        shop.owner().postForm("/app/settings/numbers/sandbox", Map.of());
        var channel = only(shop.owner().get("/app/settings/numbers").body());
        var other = business("Other Numbers Shop");

        assertThat(other.owner().get("/app/settings/numbers").body()).doesNotContain(channel);
        assertThat(other.owner().get("/app/settings/numbers/" + channel).status()).isEqualTo(404);
        assertThat(other.owner().get("/app/settings/numbers/" + channel + "/webhook-status").status()).isEqualTo(404);
        assertThat(other.owner().postForm("/app/settings/numbers/" + channel + "/pace",
                Map.of("messagesPerSecond", "1")).status()).isEqualTo(404);
        assertThat(other.owner().postForm("/app/settings/numbers/" + channel + "/disconnect",
                Map.of("confirm", "yes")).status()).isEqualTo(404);
        assertThat(shop.owner().get("/app/settings/numbers").body()).contains("number-" + channel, "80 msg/s");
    }

    @Test
    void theSettingsIndexOffersEachRoleOnlyWhatItMayOpen() {
        var shop = business("Index Shop");
        var owners = shop.owner().get("/app/settings");
        assertThat(owners.status()).isEqualTo(200);
        assertThat(owners.body()).contains("id=\"section-numbers\"", "id=\"section-team\"", "id=\"section-api-keys\"",
                "id=\"section-privacy\"");
        var agents = shop.agent().get("/app/settings");
        assertThat(agents.status()).isEqualTo(200);
        assertThat(agents.body()).contains("id=\"settings-empty\"").doesNotContain("section-numbers", "section-team");
    }

    private Business business(String name) {
        var run = UUID.randomUUID().toString().substring(0, 8);
        var ownerEmail = "owner-" + run + "@numbers.example";
        var created = (SignUp.Result.Created) signUp.register(new SignUp.Form(name, "Priya", ownerEmail, PASSWORD,
                true, true));
        var principal = new BusinessUserPrincipal(created.owner(), created.workspace(), Role.OWNER, null);
        var agentEmail = "agent-" + run + "@numbers.example";
        team.accept(team.invite(principal, agentEmail, Role.AGENT).token().reveal(), "Arjun", PASSWORD, true, true);
        var owner = new WebSession(port, WebSession.newClientAddress());
        assertThat(owner.signIn(ownerEmail, PASSWORD)).isTrue();
        var agent = new WebSession(port, WebSession.newClientAddress());
        assertThat(agent.signIn(agentEmail, PASSWORD)).isTrue();
        return new Business(owner, agent);
    }

    private static String only(String page) {
        var matcher = NUMBER_ROW.matcher(page);
        assertThat(matcher.find()).as("a number is listed").isTrue();
        var id = matcher.group(1);
        assertThat(matcher.find()).as("only one number").isFalse();
        return id;
    }
}
