package com.maxmysales.messaging;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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

/**
 * What Meta tells of a number beyond the customer's messages, signed as Meta signs it and read back through the
 * conversation's messages: a message the business sent from the WhatsApp Business app (coexistence) is there as
 * sent by the business and never sent again, its edit and deletion applied; a call is an entry of the conversation
 * that follows the call's events; a customer's answer to a call-permission request reads as such.
 */
@PlatformTest
class BusinessAppEchoesAndCallsSystemTests {

    /** Recorded by other projects (../shared/datasets/meta-webhooks, see its README): read, never copied. */
    private static final Path CORPUS = Path.of("..", "shared", "datasets", "meta-webhooks");
    /** The customer of pywa's recordings. */
    private static final String CUSTOMER = "+972987654321";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    Http http;
    String apiKey;
    SandboxNumber number;
    String run;

    @BeforeEach
    void aWorkspaceWithANumber() {
        http = new Http(port);
        apiKey = http.createWorkspace("Coexistence Shop");
        number = SandboxNumber.connect(http, apiKey);
        run = UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void aMessageSentFromTheBusinessAppIsInTheConversationAsSentByTheBusinessAndNeverSentAgain() throws Exception {
        var wamid = "wamid.ECHO." + run;
        post(recorded("pywa/outgoing_message__text.json").replace("<WHATSAPP_MESSAGE_ID>", wamid));

        var echo = message(wamid);
        assertThat(echo.get("direction").asString()).isEqualTo("outbound");
        assertThat(echo.get("sentFrom").asString()).isEqualTo("business_app");
        assertThat(echo.get("type").asString()).isEqualTo("text");
        assertThat(echo.get("text").asString()).isEqualTo("Test message");
        assertThat(echo.get("status").asString()).isEqualTo("sent");
        assertThat(echo.get("sentAt").asString()).isEqualTo("2023-10-11T16:53:43Z");
        var contact = http.get("/api/v1/contacts?phone=" + CUSTOMER.replace("+", "%2B"), apiKey).json().get("items");
        assertThat(contact).hasSize(1);
        assertThat(echo.get("id").asString()).isNotNull();

        // The dispatcher claims queued messages every few milliseconds: two seconds is hundreds of chances.
        Thread.sleep(Duration.ofSeconds(2));
        assertThat(jdbc.sql("select attempts from messages where wamid = ?").param(wamid).query(Integer.class).single())
                .as("never claimed by the dispatcher").isZero();
        assertThat(message(wamid).get("status").asString()).isEqualTo("sent");
        // The business wrote: that opens no customer-service window for a free-form message.
        var freeForm = http.post("/api/v1/messages", apiKey, """
                {"to": "%s", "type": "text", "text": "And another thing"}""".formatted(CUSTOMER));
        assertThat(freeForm.status()).as(freeForm.body()).isEqualTo(422);

        post(recorded("pywa/outgoing_message__edit.json").replace("wamid.zzzzzz", wamid)
                .replace("wamid.yyyyyy", "wamid.EDIT." + run));
        assertThat(message(wamid).get("text").asString()).isEqualTo("Text was edited");
        assertThat(message(wamid).path("editedAt").isString()).isTrue();

        post(recorded("pywa/outgoing_message__delete.json").replace("wamid.zzzzzz", wamid)
                .replace("wamid.yyyyyy", "wamid.DELETE." + run));
        assertThat(message(wamid).get("revoked").asBoolean()).isTrue();
        assertThat(message(wamid).path("text").isMissingNode()).as("a deleted message shows no text").isTrue();
        assertThat(messages()).as("the edit and the deletion are no messages of their own").hasSize(1);
    }

    @Test
    void aCustomersCallIsAnEntryOfTheConversationThatFollowsTheCallAndOpensTheWindow() throws IOException {
        var call = "wacid.CUSTOMER." + run;
        // Made a call of a minute ago: the window it opens is 24 hours from the call.
        var start = java.time.Instant.now().minusSeconds(60).getEpochSecond();
        post(recorded("pywa/call_connect__user_initiated.json").replace("wacid.xxxx=", call)
                .replace("1752583107", Long.toString(start)));

        var ringing = message(call);
        assertThat(ringing.get("type").asString()).isEqualTo("call");
        assertThat(ringing.get("direction").asString()).isEqualTo("inbound");
        assertThat(ringing.get("content").get("status").asString()).isEqualTo("ringing");
        assertThat(ringing.get("content").get("initiatedBy").asString()).isEqualTo("customer");
        assertThat(ringing.get("content").toString()).as("the call's SDP is not kept").doesNotContain("sdp");

        // pywa's recording of a call's end, made this call's: completed after two minutes, with Meta's error.
        post(recorded("pywa/call_terminate__call_terminate.json").replace("wacid.ABGGFjFVU2AfAgo6V-Hc5eCgK5Gh", call)
                .replace("\"BUSINESS_INITIATED\"", "\"USER_INITIATED\"").replace("\"16315553602\"", "\"972987654321\"")
                .replace("1671644824", Long.toString(start)).replace("1671644944", Long.toString(start + 120)));
        var ended = message(call);
        assertThat(ended.get("content").get("status").asString()).isEqualTo("completed");
        assertThat(ended.get("content").get("durationSeconds").asInt()).isEqualTo(120);
        assertThat(ended.get("content").get("endedAt").asString())
                .isEqualTo(java.time.Instant.ofEpochSecond(start + 120).toString());
        assertThat(ended.get("text").asString()).isEqualTo("Call from the customer: completed, 2 min 0 s");
        assertThat(ended.get("errorCode").asInt()).isEqualTo(12455);
        assertThat(messages()).hasSize(1);

        // A customer who calls may be answered in writing, as one who wrote.
        var reply = http.post("/api/v1/messages", apiKey, """
                {"to": "%s", "type": "text", "text": "Sorry we missed you"}""".formatted(CUSTOMER));
        assertThat(reply.status()).as(reply.body()).isEqualTo(202);
    }

    @Test
    void aCallTheBusinessPlacedMovesOnlyForwardAndACallPermissionAnswerReadsAsSuch() throws IOException {
        var call = "wacid.BUSINESS." + run;
        var status = recorded("pywa/call_status__call_status.json").replace("wacid.ABGGFjFVU2AfAgo6V", call);
        post(status.replace("\"RINGING\"", "\"ACCEPTED\"").replace("1671644824", "1671644830"));
        var accepted = message(call);
        assertThat(accepted.get("direction").asString()).isEqualTo("outbound");
        assertThat(accepted.get("content").get("initiatedBy").asString()).isEqualTo("business");
        assertThat(accepted.get("content").get("status").asString()).isEqualTo("accepted");
        assertThat(accepted.path("sentFrom").isMissingNode()).as("a call is not a message anyone sent").isTrue();

        post(status);
        assertThat(message(call).get("content").get("status").asString()).as("a late ringing").isEqualTo("accepted");

        post(recorded("pywa/call_permission_update__accept.json").replace("wamid.x", "wamid.PERMISSION." + run)
                .replace("wamid.y==", "wamid.ASKED." + run));
        var answer = message("wamid.PERMISSION." + run);
        assertThat(answer.get("text").asString()).isEqualTo("Call permission accepted");
        assertThat(answer.get("content").get("call_permission_reply").get("response").asString()).isEqualTo("accept");
    }

    /** The recording, addressed to this test's number. */
    private String recorded(String file) throws IOException {
        return Files.readString(CORPUS.resolve(file))
                .replaceAll("\"phone_number_id\": \"[^\"]+\"", "\"phone_number_id\": \"" + number.phoneNumberId() + "\"");
    }

    /** Posts it signed as Meta does and waits until the platform applied it. */
    private void post(String body) {
        assertThat(MetaWebhooks.post(http, body).status()).isEqualTo(200);
        await(() -> jdbc.sql("select count(*) from webhook_events where body_hash = sha256(?) and state <> 'pending'")
                .param(body.getBytes(StandardCharsets.UTF_8)).query(Integer.class).single() == 1);
        assertThat(jdbc.sql("select state from webhook_events where body_hash = sha256(?)")
                .param(body.getBytes(StandardCharsets.UTF_8)).query(String.class).single()).isEqualTo("processed");
    }

    /** Every message of the workspace's conversations, as the API lists them. */
    private List<JsonNode> messages() {
        var all = new ArrayList<JsonNode>();
        for (var conversation : http.get("/api/v1/conversations", apiKey).json().get("items")) {
            http.get("/api/v1/conversations/" + conversation.get("id").asString() + "/messages", apiKey).json()
                    .get("items").forEach(all::add);
        }
        return all;
    }

    private JsonNode message(String wamid) {
        return messages().stream().filter(message -> wamid.equals(message.path("wamid").asString(null))).findFirst()
                .orElseThrow(() -> new AssertionError("no message " + wamid + " in " + messages()));
    }
}
