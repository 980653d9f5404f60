package com.maxmysales.leads;

import java.util.UUID;

import com.maxmysales.support.Http;
import com.maxmysales.support.WebSession;
import com.maxmysales.tenancy.ApiKeyManagement;
import com.maxmysales.tenancy.BusinessUserPrincipal;
import com.maxmysales.tenancy.Role;
import com.maxmysales.tenancy.SignUp;
import com.maxmysales.support.MetaWebhooks;
import com.maxmysales.support.PlatformTest;
import com.maxmysales.support.SandboxNumber;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static com.maxmysales.support.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;

/** A customer who writes after clicking a click-to-WhatsApp ad is a lead, listed with the others. */
@PlatformTest
class ClickToWhatsAppLeadsSystemTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    SignUp signUp;
    @Autowired
    ApiKeyManagement apiKeys;

    private static final String PASSWORD = "a long enough password";

    @Test
    void aConversationStartedFromAnAdIsALeadWithTheAdAndTheMessageKeepsTheReferral() {
        var http = new Http(port);
        var ownerEmail = "ads-" + UUID.randomUUID() + "@ads.example";
        var created = (SignUp.Result.Created) signUp.register(new SignUp.Form("Ads", "Amit", ownerEmail, PASSWORD, true, true));
        var apiKey = apiKeys.create(new BusinessUserPrincipal(created.owner(), created.workspace(), Role.OWNER, null),
                "test key", Role.OWNER).key().reveal();
        var number = SandboxNumber.connect(http, apiKey);
        var wamid = "wamid.CTWA-" + UUID.randomUUID();
        var body = MetaWebhooks.inbound(number.phoneNumberId(), "919811177002", "Kiran", """
                {"from": "919811177002", "id": "%s", "timestamp": "%d", "type": "text",
                 "text": {"body": "Is the 2BHK still available?"},
                 "referral": {"source_url": "https://fb.me/3cr4Wqqkv", "source_id": "120210000000001",
                   "source_type": "ad", "headline": "2BHK in Baner from 75 lakh", "body": "Visit this weekend",
                   "media_type": "image", "image_url": "https://scontent.xx.fbcdn.net/v/ad.jpg",
                   "ctwa_clid": "ARAkLkA8rmlFeiCktEJQ-QTwRiyYHAFDLMNDBH0CD3qpjd0HR4irJ6LEkR7JwFF4XvnO2E4Nx0-eM-GABDLOPaOdRMv-_zfUQ2a"}}"""
                .formatted(wamid, System.currentTimeMillis() / 1000));
        var postReferral = MetaWebhooks.envelope(number.phoneNumberId(), """
                "contacts": [ { "profile": { "name": "Kiran" }, "wa_id": "919811177002" } ],
                "messages": [ {"from": "919811177002", "id": "%s-post", "timestamp": "%d", "type": "text",
                  "text": {"body": "Saw your post"}, "referral": {"source_type": "post", "source_id": "99",
                  "source_url": "https://fb.me/post"}} ]""".formatted(wamid, System.currentTimeMillis() / 1000));

        assertThat(MetaWebhooks.post(http, body).status()).isEqualTo(200);
        assertThat(MetaWebhooks.post(http, body).status()).as("a redelivery").isEqualTo(200);
        assertThat(MetaWebhooks.post(http, postReferral).status()).isEqualTo(200);

        var lead = new JsonNode[1];
        await(() -> {
            for (var listed : http.get("/api/v1/leads?limit=100", apiKey).json().get("items")) {
                if (wamid.equals(listed.get("externalId").asString()) && listed.get("contactId") != null
                        && !listed.get("contactId").isNull()) {
                    lead[0] = listed;
                }
            }
            return lead[0] != null;
        });
        assertThat(lead[0].get("sourceType").asString()).isEqualTo("ctwa");
        assertThat(lead[0].get("adId").asString()).isEqualTo("120210000000001");
        var leads = http.get("/api/v1/leads?limit=100", apiKey).json().get("items");
        assertThat(leads).as("one lead for the ad, none for the post, none for the redelivery").hasSize(1);
        var answers = http.get("/api/v1/leads/" + lead[0].get("id").asString(), apiKey).body();
        assertThat(answers).contains("2BHK in Baner from 75 lakh").contains("https://fb.me/3cr4Wqqkv")
                .contains("ARAkLkA8rmlFeiCktEJQ");

        var contactId = lead[0].get("contactId").asString();
        var conversation = http.get("/api/v1/conversations?contactId=" + contactId, apiKey).json().get("items").get(0);
        var messages = http.get("/api/v1/conversations/" + conversation.get("id").asString() + "/messages", apiKey)
                .json().get("items");
        JsonNode fromAd = null;
        for (var message : messages) {
            if (wamid.equals(message.get("wamid").asString())) {
                fromAd = message;
            }
        }
        assertThat(fromAd).isNotNull();
        assertThat(fromAd.get("referral").get("ctwa_clid").asString()).startsWith("ARAkLkA8");
        assertThat(fromAd.get("referral").get("headline").asString()).isEqualTo("2BHK in Baner from 75 lakh");

        var web = new WebSession(port, WebSession.newClientAddress());
        assertThat(web.signIn(ownerEmail, PASSWORD)).isTrue();
        assertThat(web.get("/app/leads").body()).as("on the leads page").contains("Click-to-WhatsApp ad")
                .contains(lead[0].get("id").asString());
        assertThat(web.get("/app/leads/" + lead[0].get("id").asString()).body()).contains("2BHK in Baner from 75 lakh");

        await(() -> http.get("/api/v1/contacts/" + contactId + "/consents", apiKey).body().contains("lead_follow_up"));
        assertThat(http.get("/api/v1/contacts/" + contactId + "/consents", apiKey).body()).as("consent for the lead only")
                .doesNotContain("\"marketing\"");
    }

    /**
     * The attack on ad leads: every message carrying the ad's referral made a lead and a paid follow-up. Insert without
     * looking for an earlier lead (ClickToWhatsAppLeads) → three leads: fails.
     */
    @Test
    void aPersonWritingAgainFromTheSameAdIsStillOneLeadAndAnotherAdIsAnother() {
        var http = new Http(port);
        var apiKey = http.createWorkspace("Ads again");
        var number = SandboxNumber.connect(http, apiKey);
        var run = UUID.randomUUID().toString();
        for (var ad : java.util.List.of("1200", "1200", "1300")) {
            assertThat(MetaWebhooks.post(http, fromAd(number.phoneNumberId(), "wamid.AGAIN-" + ad + "-" + UUID.randomUUID(),
                    "\"" + ad + "\"", "\"Flats in Baner\"")).status()).isEqualTo(200);
        }
        await(() -> http.get("/api/v1/leads?limit=100", apiKey).json().get("items").size() == 2);
        // Long enough for a third lead to show, had one been made.
        var last = fromAd(number.phoneNumberId(), "wamid.AGAIN-last-" + run, "\"1300\"", "\"Flats\"");
        assertThat(MetaWebhooks.post(http, last).status()).isEqualTo(200);
        await(() -> "processed".equals(state(last)));
        assertThat(http.get("/api/v1/leads?limit=100", apiKey).json().get("items")).extracting(lead -> lead.get("adId").asString())
                .containsExactlyInAnyOrder("1200", "1300");
    }

    /**
     * The attack on ad leads: a referral whose text was an object failed every attempt and was parked, the message and
     * the lead lost. Read the field with asString (ClickToWhatsAppLeads.text) → the event fails: fails.
     */
    @Test
    void aReferralWithAnObjectWhereTextBelongsIsStoredWithTheFieldLeftOut() {
        var http = new Http(port);
        var apiKey = http.createWorkspace("Odd ads");
        var number = SandboxNumber.connect(http, apiKey);
        var wamid = "wamid.ODD-" + UUID.randomUUID();
        var odd = fromAd(number.phoneNumberId(), wamid, "\"1400\"", "{\"x\": [1]}");
        assertThat(MetaWebhooks.post(http, odd).status()).isEqualTo(200);
        await(() -> "processed".equals(state(odd)));
        var lead = http.get("/api/v1/leads?limit=100", apiKey).json().get("items").get(0);
        assertThat(lead.get("adId").asString()).isEqualTo("1400");
    }

    private static String fromAd(String phoneNumberId, String wamid, String adId, String headline) {
        return MetaWebhooks.inbound(phoneNumberId, "919811177003", "Ravi", """
                {"from": "919811177003", "id": "%s", "timestamp": "%d", "type": "text", "text": {"body": "Price?"},
                 "referral": {"source_type": "ad", "source_id": %s, "headline": %s, "source_url": "https://fb.me/x"}}"""
                .formatted(wamid, System.currentTimeMillis() / 1000, adId, headline));
    }

    private String state(String body) {
        return jdbc.sql("select state from webhook_events where body_hash = sha256(?)")
                .param(body.getBytes(java.nio.charset.StandardCharsets.UTF_8)).query(String.class).optional().orElse(null);
    }
}
