package com.maxmysales.chatbot;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.maxmysales.campaigns.CampaignFixture;
import com.maxmysales.support.Eventually;
import com.maxmysales.support.Http;
import com.maxmysales.support.PlatformTest;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Walkthrough finding: a customer answering the business's campaign was greeted by the welcome flow, as if nobody
 * had written to them. The bot now answers the reply itself, in the campaign's conversation and in a new one that
 * the reply opened after the campaign's had ended; a customer who writes first is still welcomed.
 */
@PlatformTest
class CampaignReplyBotSystemTests {

    private static final String WELCOME = "Welcome to the shop!";
    /** The welcome flow's next step. */
    private static final String MENU = "What would you like?";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aCustomerAnsweringACampaignIsAnsweredNotWelcomedWhileOneWhoWritesFirstIsWelcomed() throws IOException {
        var http = new Http(port);
        var shop = CampaignFixture.forKey(http, http.createWorkspace("Campaign Reply Bot Shop"), 80);
        var key = shop.apiKey();
        assertThat(http.put("/api/v1/chatbot", key, "{\"enabled\": true}").status()).isEqualTo(200);
        var flow = http.post("/api/v1/chatbot/flows", key, new String(
                getClass().getResourceAsStream("/chatbot/signup-flow.json").readAllBytes(), StandardCharsets.UTF_8));
        assertThat(flow.status()).as(flow.body()).isEqualTo(201);
        assertThat(http.post("/api/v1/chatbot/flows/" + flow.json().get("id").asString() + "/publish", key, "{}")
                .status()).isEqualTo(200);
        var prefix = "+9193" + String.format("%03d", System.nanoTime() % 1000);
        shop.contacts("bot-reply", prefix, 0, 2, true, "");
        var campaign = shop.campaign("bot-reply");
        shop.post(campaign, "launch");
        Eventually.await(Duration.ofSeconds(30), () -> shop.counts(campaign).get("delivered").asLong() == 2);
        // The second customer answers only after the campaign's conversation ended (what the idle job does after 24 hours).
        jdbc.sql("""
                update conversations set state = 'ended', ended_at = now()
                where id = (select conversation_id from messages where idempotency_key = :key)""")
                .param("key", "campaign:" + campaign + ":" + contactOf(http, key, prefix + "00001")).update();

        var stranger = prefix.replace("+9193", "+9194") + "00009";
        shop.number().customerWritesText(stranger, "Meera", "hello");
        assertThat(awaitBotReply(http, key, stranger)).as("a customer who writes first").contains(WELCOME);

        shop.number().customerWritesText(prefix + "00000", "Customer 0", "Do you have it in red?");
        shop.number().customerWritesText(prefix + "00001", "Customer 1", "Is the offer still on?");
        assertThat(awaitBotReply(http, key, prefix + "00000")).as("a reply within the campaign's conversation")
                .isNotBlank().doesNotContain(WELCOME, MENU);
        assertThat(awaitBotReply(http, key, prefix + "00001")).as("a reply that opened a new conversation")
                .isNotBlank().doesNotContain(WELCOME, MENU);
    }

    /** The texts of the bot's replies in all of the customer's conversations, once there is one. */
    private static String awaitBotReply(Http http, String key, String phone) {
        var texts = new ArrayList<String>();
        // The first message after the platform starts loads the models: on a busy machine, most of half a minute.
        Eventually.await(Duration.ofSeconds(90), () -> {
            texts.clear();
            texts.addAll(botTexts(http, key, phone));
            return !texts.isEmpty();
        });
        return String.join("\n", texts);
    }

    private static List<String> botTexts(Http http, String key, String phone) {
        var contact = contactOf(http, key, phone);
        if (contact == null) {
            return List.of();
        }
        var texts = new ArrayList<String>();
        for (JsonNode conversation : http.get("/api/v1/conversations?contactId=" + contact, key).json().get("items")) {
            http.get("/api/v1/conversations/" + conversation.get("id").asString() + "/messages?limit=100", key).json()
                    .get("items").forEach(message -> {
                        if ("bot".equals(message.path("lane").asString(""))) {
                            texts.add(message.path("text").asString(""));
                        }
                    });
        }
        return texts;
    }

    private static String contactOf(Http http, String key, String phone) {
        var items = http.get("/api/v1/contacts?phone=" + phone.replace("+", "%2B"), key).json().get("items");
        return items.isEmpty() ? null : items.get(0).get("id").asString();
    }
}
