package com.maxmysales.web;

import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import com.maxmysales.support.Http;
import com.maxmysales.support.PlatformTest;
import com.maxmysales.support.SandboxNumber;
import com.maxmysales.support.WebSession;
import com.maxmysales.tenancy.ApiKeyManagement;
import com.maxmysales.tenancy.BusinessUserPrincipal;
import com.maxmysales.tenancy.Role;
import com.maxmysales.tenancy.SignUp;
import com.maxmysales.tenancy.Team;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.maxmysales.support.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The settings pages that were API-only, over real HTTP with signed-in sessions: outbound webhooks and their
 * delivery log, opt-out keywords, privacy requests and a number's business profile. For each: an owner's happy
 * path, an agent refused (403), and another workspace's owner finding nothing (404, or nothing listed).
 */
@PlatformTest
class SettingsPagesSystemTests {

    private static final String PASSWORD = "a long enough password";

    @LocalServerPort
    int port;
    @Autowired
    SignUp signUp;
    @Autowired
    Team team;
    @Autowired
    ApiKeyManagement apiKeys;

    record Business(WebSession owner, WebSession agent, String apiKey) {
    }

    @Test
    void anOwnerSubscribesAWebhookReadsItsDeliveryLogAndRetriesADelivery() {
        var shop = business("Webhook Shop");
        var http = new Http(port);
        var number = SandboxNumber.connect(http, shop.apiKey());
        var subscribed = shop.owner().postForm("/app/settings/webhooks",
                Map.of("url", "http://127.0.0.1:9/hooks", "events", "message.received"));
        assertThat(subscribed.status()).isEqualTo(200);
        assertThat(subscribed.body()).contains("id=\"webhook-secret\"", "whsec_");
        var subscription = id(subscribed.body(), "webhook-");
        assertThat(shop.owner().get("/app/settings/webhooks").body()).as("the secret is shown once")
                .doesNotContain("whsec_").contains("http://127.0.0.1:9/hooks");

        number.customerWritesText("+919822200001", "Asha", "hello");
        var log = "/app/settings/webhooks/" + subscription;
        await(() -> shop.owner().get(log).body().contains("ConnectException"));
        var delivery = id(shop.owner().get(log).body(), "delivery-");
        var retried = shop.owner().postForm(log + "/deliveries/" + delivery + "/retry", Map.of());
        assertThat(retried.status()).isEqualTo(302);
        assertThat(shop.owner().get(log).body()).contains("id=\"delivery-retried\"");

        var other = business("Other Webhook Shop");
        assertThat(other.owner().get("/app/settings/webhooks").body()).doesNotContain(subscription);
        assertThat(other.owner().get(log).status()).isEqualTo(404);
        assertThat(other.owner().postForm(log + "/deliveries/" + delivery + "/retry", Map.of()).status()).isEqualTo(404);
        assertThat(other.owner().postForm(log + "/stop", Map.of()).status()).isEqualTo(404);
        assertThat(shop.agent().get("/app/settings/webhooks").status()).isEqualTo(403);
        assertThat(shop.agent().get(log).status()).isEqualTo(403);
        assertThat(shop.agent().postForm(log + "/stop", Map.of()).status()).isEqualTo(403);
        assertThat(shop.owner().get("/app/settings/webhooks").body()).as("still active").contains("active");

        assertThat(shop.owner().postForm(log + "/stop", Map.of()).status()).isEqualTo(302);
        assertThat(shop.owner().get("/app/settings/webhooks").body()).contains("stopped");
        var afterStop = shop.owner().postForm(log + "/deliveries/" + delivery + "/retry", Map.of());
        assertThat(afterStop.status()).as("a stopped subscription sends nothing again").isEqualTo(409);
    }

    @Test
    void anOwnerAddsAndRemovesOptOutWordsPerLanguage() {
        var shop = business("Keyword Shop");
        var page = shop.owner().get("/app/settings/optout-keywords");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"keywords-empty\"", "band karo");

        assertThat(shop.owner().postForm("/app/settings/optout-keywords",
                Map.of("language", "ta", "kind", "stop", "keyword", "niruthu")).status()).isEqualTo(302);
        assertThat(shop.owner().get("/app/settings/optout-keywords").body()).contains("niruthu", ">ta<");
        var invalid = shop.owner().postForm("/app/settings/optout-keywords",
                Map.of("language", "tamil language", "kind", "stop", "keyword", "x"));
        assertThat(invalid.status()).isEqualTo(422);
        assertThat(invalid.body()).contains("id=\"keyword-error\"");

        var other = business("Other Keyword Shop");
        assertThat(other.owner().get("/app/settings/optout-keywords").body()).doesNotContain("niruthu");
        assertThat(other.owner().postForm("/app/settings/optout-keywords/remove",
                Map.of("kind", "stop", "keyword", "niruthu")).status()).isEqualTo(302);
        assertThat(shop.owner().get("/app/settings/optout-keywords").body()).as("another workspace removes only its own")
                .contains("niruthu");
        assertThat(shop.agent().get("/app/settings/optout-keywords").status()).isEqualTo(403);
        assertThat(shop.agent().postForm("/app/settings/optout-keywords",
                Map.of("language", "en", "kind", "stop", "keyword", "halt")).status()).isEqualTo(403);

        assertThat(shop.owner().postForm("/app/settings/optout-keywords/remove",
                Map.of("kind", "stop", "keyword", "niruthu")).status()).isEqualTo(302);
        assertThat(shop.owner().get("/app/settings/optout-keywords").body()).doesNotContain("niruthu");
    }

    @Test
    void anOwnerFilesAnswersAndRefusesPrivacyRequestsForCallers() {
        var shop = business("Privacy Request Shop");
        var filed = shop.owner().postForm("/app/settings/privacy-requests",
                Map.of("type", "grievance", "requestedBy", "business", "phone", "+919822200002",
                        "message", "You called me at night"));
        assertThat(filed.status()).isEqualTo(302);
        var grievance = id(shop.owner().get("/app/settings/privacy-requests").body(), "request-");
        assertThat(shop.owner().postForm("/app/settings/privacy-requests/" + grievance + "/resolution",
                Map.of("answer", "We no longer call after 8 pm")).status()).isEqualTo(302);
        assertThat(shop.owner().get("/app/settings/privacy-requests").body()).contains("completed",
                "We no longer call after 8 pm");

        shop.owner().postForm("/app/settings/privacy-requests",
                Map.of("type", "access", "requestedBy", "business", "email", "caller@privacy.example"));
        var access = id(shop.owner().get("/app/settings/privacy-requests").body(), "request-");
        assertThat(shop.owner().get("/app/settings/privacy-requests/" + access + "/export.zip").status()).isEqualTo(200);

        var missing = shop.owner().postForm("/app/settings/privacy-requests", Map.of("type", "erasure"));
        assertThat(missing.status()).isEqualTo(422);
        assertThat(missing.body()).contains("id=\"requests-error\"", "phone or email");

        var other = business("Other Privacy Shop");
        assertThat(other.owner().get("/app/settings/privacy-requests").body()).doesNotContain(access);
        assertThat(other.owner().get("/app/settings/privacy-requests/" + access + "/export.zip").status()).isEqualTo(404);
        assertThat(other.owner().postForm("/app/settings/privacy-requests/" + grievance + "/refusal",
                Map.of("reason", "manifestly-unfounded")).status()).isEqualTo(404);
        assertThat(shop.agent().get("/app/settings/privacy-requests").status()).isEqualTo(403);
        assertThat(shop.agent().postForm("/app/settings/privacy-requests",
                Map.of("type", "access", "email", "someone@privacy.example")).status()).isEqualTo(403);

        shop.owner().postForm("/app/settings/privacy-requests", Map.of("type", "grievance", "requestedBy", "business",
                "email", "loud@privacy.example", "message", "Spam"));
        var unfounded = id(shop.owner().get("/app/settings/privacy-requests").body(), "request-");
        assertThat(shop.owner().postForm("/app/settings/privacy-requests/" + unfounded + "/refusal",
                Map.of("reason", "manifestly-unfounded", "detail", "No message was ever sent")).status()).isEqualTo(302);
        assertThat(shop.owner().get("/app/settings/privacy-requests").body()).contains("refused",
                "manifestly-unfounded: No message was ever sent");
        assertThat(shop.owner().postForm("/app/settings/privacy-requests/" + unfounded + "/refusal",
                Map.of("reason", "manifestly-unfounded")).status()).as("settled already").isEqualTo(409);
    }

    @Test
    void anOwnerChangesASandboxNumbersBusinessProfile() {
        var shop = business("Profile Shop");
        var number = SandboxNumber.connect(new Http(port), shop.apiKey());
        var profile = "/app/settings/numbers/" + number.channelId() + "/profile";
        assertThat(shop.owner().get(profile).status()).isEqualTo(200);

        var saved = shop.owner().postForm(profile, Map.of("about", "Fresh flowers every morning",
                "address", "12 MG Road, Bengaluru", "email", "hello@flowers.example",
                "website1", "https://flowers.example", "website2", "https://flowers.example/shop", "vertical", "RETAIL"));
        assertThat(saved.status()).as(saved.body()).isEqualTo(302);
        var page = shop.owner().get(profile).body();
        assertThat(page).contains("id=\"profile-saved\"", "Fresh flowers every morning", "12 MG Road, Bengaluru",
                "https://flowers.example/shop", "value=\"RETAIL\" selected");
        var invalid = shop.owner().postForm(profile, Map.of("email", "not an email"));
        assertThat(invalid.status()).isEqualTo(422);
        assertThat(invalid.body()).contains("id=\"profile-error\"");

        var other = business("Other Profile Shop");
        assertThat(other.owner().get(profile).status()).isEqualTo(404);
        assertThat(other.owner().postForm(profile, Map.of("about", "Taken over")).status()).isEqualTo(404);
        assertThat(shop.agent().get(profile).status()).isEqualTo(403);
        assertThat(shop.agent().postForm(profile, Map.of("about", "Agent's words")).status()).isEqualTo(403);
        assertThat(shop.owner().get(profile).body()).contains("Fresh flowers every morning")
                .doesNotContain("Taken over", "Agent's words");
    }

    @Test
    void theTeamPageShowsWhatEachRoleMayDoAndEmailsAResetLinkToTheMember() throws Exception {
        var shop = business("Team Reset Shop");
        var page = shop.owner().get("/app/settings/team").body();
        assertThat(page).contains("id=\"role-help-agent\"", "id=\"role-help-analyst\"", "id=\"role-help-admin\"",
                "send messages", "see statistics");
        var agentId = Pattern.compile("<tr id=\"member-([0-9a-f-]{36})\"[^>]*>\\s*<td>Arjun</td>").matcher(page)
                .results().findFirst().orElseThrow().group(1);

        var reset = shop.owner().postForm("/app/settings/team/members/" + agentId + "/password-reset", Map.of());
        assertThat(reset.status()).isEqualTo(200);
        assertThat(reset.body()).contains("We emailed them", "id=\"reset-link\"");
        var link = reset.body().replaceAll("(?s).*id=\"reset-link\" value=\"[^\"]*(/password-reset/[^\"]+)\".*", "$1");
        await(() -> java.util.Arrays.stream(com.maxmysales.support.TestMail.server().getReceivedMessages())
                .anyMatch(mail -> text(mail).contains(link)));
        assertThat(shop.agent().signedIn()).as("signed out by the reset").isFalse();

        var other = business("Other Team Shop");
        assertThat(other.owner().postForm("/app/settings/team/members/" + agentId + "/password-reset", Map.of())
                .status()).as("another workspace's member").isEqualTo(404);
        assertThat(other.owner().postForm("/app/settings/team/members/" + agentId + "/disable", Map.of())
                .status()).isEqualTo(404);
    }

    /**
     * The workspace's time zone, name and phone country from its settings page and the API; a zone that is not one is
     * refused on the page and changes nothing, an agent may not change it.
     */
    @Test
    void anOwnerSetsTheWorkspacesTimeZoneAndAWrongOneChangesNothing() {
        var shop = business("Zone shop");
        var http = new com.maxmysales.support.Http(port);

        var saved = shop.owner().postForm("/app/settings/workspace",
                Map.of("name", "Zone shop Pune", "timeZone", "Europe/London", "defaultRegion", "GB"));

        assertThat(saved.status()).isEqualTo(302);
        var workspace = http.get("/api/v1/workspace", shop.apiKey()).json();
        assertThat(workspace.get("timeZone").asString()).isEqualTo("Europe/London");
        assertThat(workspace.get("name").asString()).isEqualTo("Zone shop Pune");
        assertThat(workspace.get("defaultRegion").asString()).isEqualTo("GB");
        var refused = shop.owner().postForm("/app/settings/workspace",
                Map.of("name", "Renamed", "timeZone", "Mars/Olympus_Mons", "defaultRegion", "IN"));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("id=\"workspace-error\"", "IANA time zone");
        assertThat(http.get("/api/v1/workspace", shop.apiKey()).json().get("name").asString()).isEqualTo("Zone shop Pune");
        var patched = http.patch("/api/v1/workspace", shop.apiKey(), "{\"timeZone\": \"Asia/Kolkata\"}");
        assertThat(patched.status()).isEqualTo(200);
        assertThat(patched.json().get("timeZone").asString()).isEqualTo("Asia/Kolkata");
        assertThat(patched.json().get("defaultRegion").asString()).as("left out: unchanged").isEqualTo("GB");
        assertThat(http.patch("/api/v1/workspace", shop.apiKey(), "{\"defaultRegion\": \"XX\"}").status()).isEqualTo(400);
        for (var notAZone : java.util.List.of("+18:00", "UTC+18", "Z", "SystemV/EST5", "Etc/GMT-14")) {
            assertThat(http.patch("/api/v1/workspace", shop.apiKey(), "{\"timeZone\": \"" + notAZone + "\"}").status())
                    .as("%s is an offset or an alias, not one of the zones offered", notAZone).isEqualTo(400);
        }
        assertThat(http.patch("/api/v1/workspace", shop.apiKey(), "{\"timeZone\": \"UTC\"}").status()).isEqualTo(200);
        assertThat(shop.agent().postForm("/app/settings/workspace",
                Map.of("name", "Agent's", "timeZone", "UTC", "defaultRegion", "IN")).status()).isEqualTo(403);
    }

    private Business business(String name) {
        var run = UUID.randomUUID().toString().substring(0, 8);
        var ownerEmail = "owner-" + run + "@settings.example";
        var created = (SignUp.Result.Created) signUp.register(new SignUp.Form(name, "Priya", ownerEmail, PASSWORD,
                true, true));
        var principal = new BusinessUserPrincipal(created.owner(), created.workspace(), Role.OWNER, null);
        var agentEmail = "agent-" + run + "@settings.example";
        team.accept(team.invite(principal, agentEmail, Role.AGENT).token().reveal(), "Arjun", PASSWORD, true, true);
        var owner = new WebSession(port, WebSession.newClientAddress());
        assertThat(owner.signIn(ownerEmail, PASSWORD)).isTrue();
        var agent = new WebSession(port, WebSession.newClientAddress());
        assertThat(agent.signIn(agentEmail, PASSWORD)).isTrue();
        var key = apiKeys.create(created.workspace(), name + " key", created.owner()).key().reveal();
        return new Business(owner, agent, key);
    }

    private static String text(jakarta.mail.internet.MimeMessage mail) {
        try {
            return String.valueOf(mail.getContent());
        } catch (java.io.IOException | jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The id of the first row whose element id starts with {@code prefix} (newest first where the page sorts so). */
    private static String id(String page, String prefix) {
        var matcher = Pattern.compile("id=\"" + Pattern.quote(prefix) + "([0-9a-f-]{36})\"").matcher(page);
        assertThat(matcher.find()).as("a row " + prefix).isTrue();
        return matcher.group(1);
    }
}
