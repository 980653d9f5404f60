package com.maxmysales.leads;

import java.util.UUID;

import com.maxmysales.support.Http;
import com.maxmysales.support.MetaWebhooks;
import com.maxmysales.support.PlatformTest;
import com.maxmysales.support.SandboxNumber;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static com.maxmysales.support.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;

/** A customer who writes after clicking a click-to-WhatsApp ad is a lead, listed with the others. */
@PlatformTest
class ClickToWhatsAppLeadsSystemTests {

    @LocalServerPort
    int port;

    @Test
    void aConversationStartedFromAnAdIsALeadWithTheAdAndTheMessageKeepsTheReferral() {
        var http = new Http(port);
        var apiKey = http.createWorkspace("Ads");
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

        await(() -> http.get("/api/v1/contacts/" + contactId + "/consents", apiKey).body().contains("lead_follow_up"));
        assertThat(http.get("/api/v1/contacts/" + contactId + "/consents", apiKey).body()).as("consent for the lead only")
                .doesNotContain("\"marketing\"");
    }
}
