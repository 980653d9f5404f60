package com.maxmysales.whatsapp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMailUtil;
import com.maxmysales.support.Http;
import com.maxmysales.support.MetaWebhooks;
import com.maxmysales.support.PlatformTest;
import com.maxmysales.support.SandboxNumber;
import com.maxmysales.support.TestMail;
import com.maxmysales.support.WebSession;
import com.maxmysales.tenancy.ApiKeyManagement;
import com.maxmysales.tenancy.SignUp;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static com.maxmysales.support.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What Meta says about a number or its account, signed as Meta signs it, acted on and shown through the API: a
 * tier or quality change sets the number's pace and daily limit, a ban holds its sending (the queued message waits,
 * the sandbox gets nothing) and tells the owners on the dashboard and by email, a reinstatement lets it go.
 */
@PlatformTest
class AccountSignalsSystemTests {

    /** Recorded by other projects (../shared/datasets/meta-webhooks, see its README): read, never copied. */
    private static final Path CORPUS = Path.of("..", "shared", "datasets", "meta-webhooks");
    private static final String TEMPLATE = """
            {"to": "%s", "type": "template", "purpose": "utility", "template": {"name": "order_update", "language": "en_US",
             "components": [{"type": "body", "parameters": [{"type": "text", "text": "%d"}]}]}}""";

    @LocalServerPort
    int port;
    @Autowired
    SignUp signUp;
    @Autowired
    ApiKeyManagement apiKeys;
    @Autowired
    JdbcClient jdbc;

    Http http;
    String ownerEmail;
    String apiKey;
    String customer;

    @BeforeEach
    void aWorkspaceWithAnOwner() {
        http = new Http(port);
        ownerEmail = "owner-" + UUID.randomUUID() + "@shop.example";
        var created = (SignUp.Result.Created) signUp.register(
                new SignUp.Form("Signal Shop", "Olga", ownerEmail, "the owner's password", true, true));
        apiKey = apiKeys.create(created.workspace(), "tests", created.owner()).key().reveal();
        customer = "+9197" + String.format("%08d", Math.abs(UUID.randomUUID().getLeastSignificantBits() % 100_000_000L));
    }

    @Test
    void aRecordedQualityUpdateLoweringTheTierLowersTheNumbersPaceAndDailyLimit() throws IOException {
        var number = SandboxNumber.connect(http, apiKey, "{\"sandbox\": true, \"messagesPerSecond\": 1000}");
        assertThat(channel(number).get("messagesPerSecond").asInt()).isEqualTo(1000);

        // Bindambc's recording: FLAGGED, TIER_10K, naming the number by its display number inside its account.
        var recorded = Files.readString(CORPUS.resolve("bindambc/qualityUpdate.json"))
                .replace("\"waba-id\"", "\"" + number.wabaId() + "\"")
                .replace("16505551111", digits(number.displayPhoneNumber()));
        assertThat(MetaWebhooks.post(http, recorded).status()).isEqualTo(200);

        await(() -> channel(number).get("messagesPerSecond").asInt() == 80);
        var shown = channel(number);
        assertThat(shown.get("messagingLimitTier").asString()).isEqualTo("TIER_10K");
        assertThat(shown.get("dailyRecipientLimit").asInt()).isEqualTo(10_000);
        assertThat(shown.get("qualityEvent").asString()).isEqualTo("FLAGGED");
        assertThat(shown.get("qualityFlagged").asBoolean()).isTrue();
        assertThat(shown.get("sending").asString()).isEqualTo("active");

        // The number's send slot, which every node's claim paces by, has the new rate (OutboxClaimIntegrationTests
        // proves a backlog claimed at it); a message queued now still goes.
        assertThat(jdbc.sql("select per_second from send_slots where channel_id = ?::uuid").param(number.channelId())
                .query(Integer.class).single()).isEqualTo(80);
        var queued = http.post("/api/v1/messages", apiKey, TEMPLATE.formatted(customer, 1));
        assertThat(queued.status()).as(queued.body()).isEqualTo(202);
        await(() -> message(queued.json().get("id").asString()).path("wamid").isString());
    }

    @Test
    void aThroughputUpgradeRaisesThePaceAndAnUnflaggedNumberKeepsIt() {
        var number = SandboxNumber.connect(http, apiKey);

        post(quality(number, "THROUGHPUT_UPGRADE", "TIER_UNLIMITED"));

        await(() -> channel(number).get("messagesPerSecond").asInt() == 1000);
        assertThat(channel(number).path("dailyRecipientLimit").isMissingNode()).as("unlimited").isTrue();
    }

    @Test
    void aBanHoldsTheNumbersSendingTellsTheOwnersAndAReinstatementLetsItGo() throws IOException {
        var number = SandboxNumber.connect(http, apiKey);
        // pywa's recording of a reinstatement, with the ban state Meta sends when it disables the account.
        var ban = Files.readString(CORPUS.resolve("pywa/account_update__account_disabled.json"))
                .replace("102290129340398", number.wabaId()).replace("\"REINSTATE\"", "\"DISABLE\"");

        assertThat(MetaWebhooks.post(http, ban).status()).isEqualTo(200);
        await(() -> "paused".equals(channel(number).get("sending").asString()));
        assertThat(channel(number).get("pausedReason").asString()).contains("disabled (banned)");

        var queued = http.post("/api/v1/messages", apiKey, TEMPLATE.formatted(customer, 1));
        assertThat(queued.status()).as(queued.body()).isEqualTo(202);
        var id = queued.json().get("id").asString();
        // The dispatcher claims a number's due rows every few milliseconds: two seconds is hundreds of chances.
        sleep(Duration.ofSeconds(2));
        assertThat(message(id).get("status").asString()).as("held, never sent").isEqualTo("queued");
        assertThat(message(id).path("wamid").isMissingNode()).isTrue();

        await(() -> mailsTo(ownerEmail).length == 1);
        assertThat(GreenMailUtil.getBody(mailsTo(ownerEmail)[0])).contains("disabled (banned)").contains("wait in the queue");
        var session = new WebSession(port, WebSession.newClientAddress());
        assertThat(session.signIn(ownerEmail, "the owner's password")).isTrue();
        assertThat(session.get("/app").body()).contains("sending paused").contains("disabled (banned)");

        var reinstated = Files.readString(CORPUS.resolve("pywa/account_update__account_disabled.json"))
                .replace("102290129340398", number.wabaId());
        assertThat(MetaWebhooks.post(http, reinstated).status()).isEqualTo(200);

        await(() -> "active".equals(channel(number).get("sending").asString()));
        await(() -> !"queued".equals(message(id).get("status").asString()));
        assertThat(message(id).get("wamid").asString()).startsWith("wamid.");
        assertThat(session.get("/app").body()).doesNotContain("sending paused");
        assertThat(mailsTo(ownerEmail)).as("the same ban told once").hasSize(1);
    }

    @Test
    void aRestrictionOfBusinessInitiatedMessagesHoldsTemplatesWhileRepliesGoAndEndsAtItsExpiry() {
        var number = SandboxNumber.connect(http, apiKey);
        number.customerWritesText(customer, "Ravi", "Is the flat still free?");
        var expiry = Instant.now().plusSeconds(4).getEpochSecond();
        post(account(number, """
                {"event": "ACCOUNT_RESTRICTION", "restriction_info": [
                  {"restriction_type": "RESTRICTED_BIZ_INITIATED_MESSAGING", "expiration": %d},
                  {"restriction_type": "RESTRICTED_ADD_PHONE_NUMBER_ACTION", "expiration": %d}]}"""
                .formatted(expiry, expiry)));
        await(() -> "replies-only".equals(channel(number).get("sending").asString()));

        var followUp = http.post("/api/v1/messages", apiKey, TEMPLATE.formatted(customer, 2)
                .replace("\"purpose\": \"utility\"", "\"purpose\": \"utility\", \"lane\": \"follow_up\""));
        var reply = http.post("/api/v1/messages", apiKey, """
                {"to": "%s", "type": "text", "text": "Yes, it is."}""".formatted(customer));
        assertThat(followUp.status()).as(followUp.body()).isEqualTo(202);
        assertThat(reply.status()).as(reply.body()).isEqualTo(202);
        var followUpId = followUp.json().get("id").asString();

        await(() -> message(reply.json().get("id").asString()).path("wamid").isString());
        assertThat(message(followUpId).get("status").asString()).as("held until the expiry").isEqualTo("queued");
        await(() -> message(followUpId).path("wamid").isString());
        assertThat(Instant.parse(message(followUpId).get("sentAt").asString()))
                .isAfterOrEqualTo(Instant.ofEpochSecond(expiry));
        assertThat(channel(number).get("sending").asString()).isEqualTo("active");
    }

    @Test
    void aNameUpdateIsShownWithItsReview() throws IOException {
        var number = SandboxNumber.connect(http, apiKey);
        var recorded = Files.readString(CORPUS.resolve("bindambc/phoneNumberNameUpdate.json"))
                .replace("\"waba-id\"", "\"" + number.wabaId() + "\"")
                .replace("16505551111", digits(number.displayPhoneNumber()));

        assertThat(MetaWebhooks.post(http, recorded).status()).isEqualTo(200);

        await(() -> channel(number).path("verifiedName").isString());
        assertThat(channel(number).get("verifiedName").asString()).isEqualTo("WhatsApp");
        assertThat(channel(number).get("nameStatus").asString()).isEqualTo("APPROVED");
    }

    private JsonNode channel(SandboxNumber number) {
        var shown = http.get("/api/v1/channels/" + number.channelId(), apiKey);
        assertThat(shown.status()).as(shown.body()).isEqualTo(200);
        return shown.json();
    }

    private JsonNode message(String id) {
        return http.get("/api/v1/messages/" + id, apiKey).json();
    }

    private void post(String body) {
        var answered = MetaWebhooks.post(http, body);
        assertThat(answered.status()).isEqualTo(200);
    }

    private static String quality(SandboxNumber number, String event, String tier) {
        return change(number.wabaId(), "phone_number_quality_update", """
                {"display_phone_number": "%s", "event": "%s", "current_limit": "%s"}"""
                .formatted(digits(number.displayPhoneNumber()), event, tier));
    }

    private static String account(SandboxNumber number, String value) {
        return change(number.wabaId(), "account_update", value);
    }

    private static String change(String wabaId, String field, String value) {
        return """
                {"object": "whatsapp_business_account", "entry": [{"id": "%s", "time": %d,
                  "changes": [{"field": "%s", "value": %s}]}]}"""
                .formatted(wabaId, Instant.now().getEpochSecond(), field, value);
    }

    private static String digits(String phone) {
        return phone.replaceAll("\\D", "");
    }

    private static MimeMessage[] mailsTo(String address) {
        return Arrays.stream(TestMail.server().getReceivedMessages()).filter(message -> {
            try {
                return GreenMailUtil.getAddressList(message.getAllRecipients()).equalsIgnoreCase(address);
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toArray(MimeMessage[]::new);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
