package com.maxmysales.optout;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.maxmysales.support.Http;
import com.maxmysales.support.MetaWebhooks;
import com.maxmysales.support.PlatformTest;
import com.maxmysales.support.SandboxNumber;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static com.maxmysales.support.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;

/** STOP, START and Meta's own opt-out signals through the sandbox's signed webhooks, checked where a business sends. */
@PlatformTest
class WhatsAppOptOutSystemTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Http http;
    String apiKey;
    String phoneNumberId;
    String waId;
    String contactId;
    long run;

    @BeforeEach
    void aCustomerWhoConsentedToMarketingWritesToTheBusiness() {
        http = new Http(port);
        apiKey = http.createWorkspace("Chai Corner");
        run = Math.abs(UUID.randomUUID().getMostSignificantBits() % 100_000L);
        waId = String.valueOf(919_700_000_000L + run);
        // One message a second, like a number at its limit: a campaign's later sends wait their turn.
        phoneNumberId = SandboxNumber.connect(http, apiKey, "{\"sandbox\": true, \"messagesPerSecond\": 1}").phoneNumberId();
        contactId = http.post("/api/v1/contacts", apiKey, """
                {"phone": "+%s", "consent": {"purpose": "marketing", "source": "web_form", "basis": "newsletter box"}}"""
                .formatted(waId)).json().get("id").asString();
        customerWrites("hello");
        await(() -> !http.get("/api/v1/contacts/" + contactId, apiKey).json().path("lastInboundAt").isMissingNode());
    }

    @Test
    void stopRefusesTheNextMarketingTemplateConfirmsAndStartAllowsItAgain() {
        assertThat(sendMarketing().status()).isEqualTo(202);

        customerWrites("STOP 🛑");

        await(() -> sendMarketing().status() == 409);
        var refused = sendMarketing().json();
        assertThat(refused.get("type").asString()).isEqualTo("urn:maxmysales:problem:recipient-opted-out");
        assertThat(refused.get("withdrawnVia").asString()).isEqualTo("whatsapp_keyword");
        assertThat(http.get("/api/v1/contacts/" + contactId, apiKey).json().get("optedOut").asBoolean()).isTrue();
        var confirmation = awaitOutbound(text -> text.contains("Reply START"));
        assertThat(confirmation.get("purpose").asString()).isEqualTo("service");
        await(() -> List.of("delivered", "read").contains(http.get("/api/v1/messages/" + confirmation.get("id").asString(),
                apiKey).json().get("status").asString()));
        var reply = http.post("/api/v1/messages", apiKey, "{\"to\": \"+%s\", \"type\": \"text\", \"text\": \"Your order shipped\"}"
                .formatted(waId));
        assertThat(reply.status()).as("the customer's own conversation can still be answered").isEqualTo(202);

        customerWrites("start");

        await(() -> sendMarketing().status() == 202);
        awaitOutbound(text -> text.contains("subscribed again"));
        var history = http.get("/api/v1/contacts/" + contactId + "/consents", apiKey).json().get("history");
        assertThat(history.get(0).get("status").asString()).isEqualTo("granted");
        assertThat(history.get(0).get("evidence").get("messageId").asString()).isNotBlank();
    }

    @Test
    void aCampaignBatchAlreadyQueuedSkipsTheContactWhoSaysStop() {
        var queued = new ArrayList<String>();
        for (int i = 0; i < 5; i++) {
            queued.add(sendMarketing().json().get("id").asString());
        }

        customerWrites("Please stop sending me these messages");

        await(() -> queued.stream().allMatch(id -> List.of("sent", "delivered", "read", "failed")
                .contains(http.get("/api/v1/messages/" + id, apiKey).json().get("status").asString())));
        var withheld = queued.stream().map(id -> http.get("/api/v1/messages/" + id, apiKey).json())
                .filter(message -> message.path("errorCode").asInt() == -5).toList();
        assertThat(withheld).as("sends still waiting for the number's rate fail instead of going out").hasSizeGreaterThanOrEqualTo(3);
        var delivered = queued.stream().map(id -> http.get("/api/v1/messages/" + id, apiKey).json())
                .filter(message -> message.has("wamid")).count();
        assertThat(delivered + withheld.size()).as("each either left before the STOP or not at all").isEqualTo(5);
        assertThat(withheld).allSatisfy(message -> {
            assertThat(message.get("status").asString()).isEqualTo("failed");
            assertThat(message.path("wamid").isMissingNode()).isTrue();
            assertThat(message.get("errorDetail").asString()).startsWith("recipient-opted-out");
        });
    }

    @Test
    void stoppingMarketingInWhatsAppItselfWithdrawsMarketingOnly() {
        var body = """
                { "object": "whatsapp_business_account", "entry": [ { "id": "300000000000005", "changes": [ {
                  "field": "user_preferences", "value": { "messaging_product": "whatsapp",
                  "metadata": { "display_phone_number": "919800000005", "phone_number_id": "%s" },
                  "contacts": [ { "profile": { "name": "Asha" }, "wa_id": "%s" } ],
                  "user_preferences": [ { "wa_id": "%s", "detail": "User requested to stop marketing messages",
                    "category": "marketing_messages", "value": "stop", "timestamp": %d } ] } } ] } ] }"""
                .formatted(phoneNumberId, waId, waId, System.currentTimeMillis() / 1000);

        assertThat(MetaWebhooks.post(http, body).status()).isEqualTo(200);

        await(() -> sendMarketing().status() == 409);
        assertThat(sendMarketing().json().get("withdrawnVia").asString()).isEqualTo("meta_user_preferences");
        var current = http.get("/api/v1/contacts/" + contactId + "/consents", apiKey).json().get("current");
        assertThat(current.has("lead_follow_up")).as("marketing only").isFalse();
    }

    @Test
    void aMarketingTemplateMetaRefusesWith131050WithdrawsMarketingOnly() {
        var queued = new ArrayList<String>();
        for (int i = 0; i < 3; i++) {
            queued.add(sendMarketing().json().get("id").asString());
        }
        // Meta's asynchronous refusal of the last one, still waiting for the number's rate, found by our callback id.
        var refusal = MetaWebhooks.statuses(phoneNumberId, """
                { "id": "wamid.REFUSED%d", "status": "failed", "timestamp": "%d", "recipient_id": "%s",
                  "biz_opaque_callback_data": "%s",
                  "errors": [ { "code": 131050, "title": "User has stopped marketing messages",
                                "error_data": { "details": "The user opted out of marketing messages from this business" } } ] }"""
                .formatted(run, System.currentTimeMillis() / 1000, waId, queued.getLast()));
        assertThat(MetaWebhooks.post(http, refusal).status()).isEqualTo(200);

        await(() -> sendMarketing().status() == 409);
        assertThat(sendMarketing().json().get("withdrawnVia").asString()).isEqualTo("error_131050");
        var current = http.get("/api/v1/contacts/" + contactId + "/consents", apiKey).json().get("current");
        assertThat(current.get("marketing").get("evidence").get("messageId").asString()).isEqualTo(queued.getLast());
        assertThat(current.has("lead_follow_up")).as("marketing only").isFalse();
    }

    /**
     * Meta redelivers for days: a STOP that arrives when its 24-hour window has closed is still recorded, with the
     * message itself; only the confirmation, which Meta would refuse, is not sent.
     */
    @Test
    void aStopRedeliveredAfterItsWindowClosedIsRecordedAndNotConfirmed() {
        var late = String.valueOf(919_600_000_000L + run);
        var lateContact = http.post("/api/v1/contacts", apiKey, """
                {"phone": "+%s", "consent": {"purpose": "marketing", "source": "web_form", "basis": "newsletter box"}}"""
                .formatted(late)).json().get("id").asString();
        var dayAgo = java.time.Instant.now().minus(java.time.Duration.ofHours(25)).getEpochSecond();
        assertThat(MetaWebhooks.post(http, MetaWebhooks.inbound(phoneNumberId, late, "Ravi", """
                { "from": "%s", "id": "wamid.late-stop-%d", "timestamp": "%d", "type": "text", "text": { "body": "STOP" } }"""
                .formatted(late, run, dayAgo))).status()).isEqualTo(200);

        await(() -> http.get("/api/v1/contacts/" + lateContact, apiKey).json().get("optedOut").asBoolean());
        await(() -> jdbc.sql("""
                select count(*) from event_publication
                where event_type like '%WhatsAppOptOutRecorded' and serialized_event like :contact and completion_date is not null
                """).param("contact", "%" + lateContact + "%").query(Integer.class).single() == 1);
        var conversations = http.get("/api/v1/conversations?contactId=" + lateContact, apiKey).json().get("items");
        assertThat(conversations).hasSize(1);
        var messages = http.get("/api/v1/conversations/" + conversations.get(0).get("id").asString() + "/messages",
                apiKey).json().get("items");
        assertThat(messages).extracting(message -> message.get("direction").asString() + ":" + message.path("text").asString())
                .containsExactly("inbound:STOP");
    }

    @Test
    void wordsThatAreNotAnOptOutChangeNothing() {
        customerWrites("cancel my order 123");
        customerWrites("when does the bus stop near your shop");
        customerWrites("how do I unsubscribe from the premium plan");
        await(() -> messagesOfContact().size() >= 4);

        assertThat(sendMarketing().status()).isEqualTo(202);
        assertThat(http.get("/api/v1/contacts/" + contactId + "/consents", apiKey).json().get("history")).hasSize(1);
    }

    @Test
    void aHinglishRequestToBeRemovedFromTheListOptsOutAndIsConfirmedInHindi() {
        customerWrites("mujhe list se hata do");

        await(() -> sendMarketing().status() == 409);
        assertThat(http.get("/api/v1/contacts/" + contactId, apiKey).json().get("optedOut").asBoolean()).isTrue();
        var withdrawal = http.get("/api/v1/contacts/" + contactId + "/consents", apiKey).json().get("history").get(0);
        assertThat(withdrawal.get("source").asString()).as("a sentence, recorded apart from a keyword").isEqualTo("whatsapp_sentence");
        assertThat(withdrawal.get("evidence").get("detail").asString()).startsWith("phrase: list se");
        awaitOutbound(text -> text.contains("START") && text.contains("मार्केटिंग"));
    }

    @Test
    void aQuestionAboutNonStopDeliveryOptsNobodyOutAndAsksNothing() {
        customerWrites("non-stop delivery?");
        customerWrites("can I stop by the shop after 6?");
        await(() -> messagesOfContact().size() >= 3);

        assertThat(sendMarketing().status()).isEqualTo(202);
        assertThat(http.get("/api/v1/contacts/" + contactId + "/consents", apiKey).json().get("history")).hasSize(1);
        await(() -> messagesOfContact().stream().anyMatch(message -> "template".equals(message.get("type").asString())));
        assertThat(messagesOfContact()).as("no question, no confirmation")
                .noneMatch(message -> "interactive".equals(message.get("type").asString()))
                .noneMatch(message -> message.path("text").asString("").contains("START"));
    }

    /**
     * "Too many messages" may mean "stop" and may not: the customer is asked, with two buttons, and opted out only
     * by tapping "Stop offers", which the ledger records with the question as its evidence. Tapping it again
     * records and confirms nothing twice.
     */
    @Test
    void aLikelyOptOutGetsAQuestionWhoseStopOffersButtonOptsOutWithTheQuestionAsEvidence() {
        customerWrites("too many messages");

        var question = awaitOutboundOfType("interactive");
        assertThat(question.get("text").asString()).contains("stop getting offers").contains("Chai Corner");
        var buttons = question.get("content").get("action").get("buttons");
        assertThat(buttons).extracting(button -> button.get("reply").get("title").asString())
                .containsExactly("Stop offers", "Keep them");
        assertThat(sendMarketing().status()).as("asked, not opted out").isEqualTo(202);
        await(() -> http.get("/api/v1/messages/" + question.get("id").asString(), apiKey).json().has("wamid"));
        var wamid = http.get("/api/v1/messages/" + question.get("id").asString(), apiKey).json().get("wamid").asString();

        var tap = """
                {"to": "%s", "name": "Asha", "type": "interactive",
                 "interactive": {"type": "button_reply", "button_reply": {"id": "%s", "title": "Stop offers"}},
                 "context": {"id": "%s"}}""".formatted(phoneNumberId, buttons.get(0).get("reply").get("id").asString(), wamid);
        assertThat(http.post("/sandbox/customers/%2B" + waId + "/messages", apiKey, tap).status()).isEqualTo(202);

        await(() -> sendMarketing().status() == 409);
        var history = http.get("/api/v1/contacts/" + contactId + "/consents", apiKey).json().get("history");
        var withdrawal = history.get(0);
        assertThat(withdrawal.get("status").asString()).isEqualTo("withdrawn");
        assertThat(withdrawal.get("source").asString()).isEqualTo("button");
        assertThat(withdrawal.get("evidence").get("messageId").asString()).as("the question is the evidence")
                .isEqualTo(question.get("id").asString());
        assertThat(withdrawal.get("evidence").get("detail").asString()).contains("Stop offers").contains("stop getting offers");
        awaitOutbound(text -> text.contains("Reply START"));
        var withdrawals = history.size();

        assertThat(http.post("/sandbox/customers/%2B" + waId + "/messages", apiKey, tap).status()).isEqualTo(202);
        await(() -> messagesOfContact().stream().filter(message -> "interactive".equals(message.get("type").asString())
                && "inbound".equals(message.get("direction").asString())).count() == 2);
        assertThat(http.get("/api/v1/contacts/" + contactId + "/consents", apiKey).json().get("history"))
                .as("a second tap withdraws nothing new").hasSize(withdrawals);
        assertThat(messagesOfContact().stream().filter(message -> message.path("text").asString("").contains("Reply START")))
                .as("nor is confirmed again").hasSize(1);
    }

    private JsonNode awaitOutboundOfType(String type) {
        var found = new ArrayList<JsonNode>();
        await(() -> {
            found.clear();
            messagesOfContact().stream().filter(message -> message.get("direction").asString().equals("outbound"))
                    .filter(message -> type.equals(message.get("type").asString())).forEach(found::add);
            return !found.isEmpty();
        });
        return found.getFirst();
    }

    private Http.Response sendMarketing() {
        return http.post("/api/v1/messages", apiKey, """
                {"to": "+%s", "type": "template", "template": {"name": "weekend_offer", "language": "en"}}""".formatted(waId));
    }

    /** The customer writes through the sandbox, which opens Meta's 24-hour window and sends the signed webhook. */
    private void customerWrites(String text) {
        var written = http.post("/sandbox/customers/%2B" + waId + "/messages", apiKey, """
                {"to": "%s", "name": "Asha", "text": "%s"}""".formatted(phoneNumberId, text));
        assertThat(written.status()).as(written.body()).isEqualTo(202);
    }

    private JsonNode awaitOutbound(java.util.function.Predicate<String> text) {
        var found = new ArrayList<JsonNode>();
        await(() -> {
            found.clear();
            messagesOfContact().stream().filter(message -> message.get("direction").asString().equals("outbound"))
                    .filter(message -> message.has("text") && text.test(message.get("text").asString()))
                    .forEach(found::add);
            return !found.isEmpty();
        });
        return found.getFirst();
    }

    private List<JsonNode> messagesOfContact() {
        var messages = new ArrayList<JsonNode>();
        for (var conversation : http.get("/api/v1/conversations?contactId=" + contactId, apiKey).json().get("items")) {
            http.get("/api/v1/conversations/" + conversation.get("id").asString() + "/messages?limit=500", apiKey)
                    .json().get("items").forEach(messages::add);
        }
        return messages;
    }
}
