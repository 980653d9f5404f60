package com.maxmysales.privacy;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.zip.ZipInputStream;

import com.maxmysales.privacy.requests.PersonalData;
import com.maxmysales.shared.PhoneNumber;
import com.maxmysales.shared.WorkspaceId;
import com.maxmysales.support.Http;
import com.maxmysales.support.MetaWebhooks;
import com.maxmysales.support.PlatformTest;
import com.maxmysales.support.SandboxNumber;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static com.maxmysales.support.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;

/** Data-principal requests over the API (P6): access exports, erasure verified by a one-time code, corrections, grievances. */
@PlatformTest
class PrivacyRequestsSystemTests {

    @LocalServerPort
    int port;
    @Autowired
    PersonalData personalData;

    Http http;
    String apiKey;
    String phoneNumberId;
    long run;

    @BeforeEach
    void aConnectedNumber() {
        http = new Http(port);
        apiKey = http.createWorkspace("Requests");
        run = Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000L);
        phoneNumberId = SandboxNumber.connect(http, apiKey).phoneNumberId();
    }

    @Test
    void anAccessExportHoldsEveryMessageOfThePersonAndNothingOfAnyoneElse() throws Exception {
        var person = customer(1);
        var other = customer(2);
        write(person, "first question about saree " + run);
        write(person, "second, with my email asha@example.com");
        write(other, "someone else entirely " + run);
        write(person, "third and last");
        await(() -> messagesOf(person) == 3 && messagesOf(other) == 1);
        var reply = http.post("/api/v1/messages", apiKey, """
                {"to": "+%s", "type": "text", "text": "our reply %d"}""".formatted(person, run));
        assertThat(reply.status()).isEqualTo(202);

        var filed = http.post("/api/v1/privacy/requests", apiKey, "{\"type\": \"access\", \"phone\": \"+" + person + "\"}");

        assertThat(filed.status()).isEqualTo(202);
        assertThat(filed.json().get("status").asString()).isEqualTo("completed");
        var request = http.get("/api/v1/privacy/requests/" + filed.json().get("id").asString(), apiKey).json();
        assertThat(Instant.parse(filed.json().get("dueAt").asString())).as("due 30 days after it arrived")
                .isEqualTo(Instant.parse(request.get("receivedAt").asString()).plus(Duration.ofDays(30)));
        var export = request.get("export");
        assertThat(export.get("data").get("messages").findValuesAsString("text")).containsExactlyInAnyOrder(
                "first question about saree " + run, "second, with my email asha@example.com", "third and last",
                "our reply " + run);
        assertThat(export.get("data").get("contacts").get(0).get("phone").asString()).isEqualTo("+" + person);
        assertThat(export.toString()).doesNotContain("someone else entirely");
        assertThat(export.get("summary").get("messages").asInt()).isEqualTo(4);
        assertThat(export.get("sharedWith").get(0).asString()).startsWith("Meta Platforms");

        var zip = unzip(request.get("exportZip").asString());
        assertThat(zip).containsKeys("export.json", "contacts.csv", "messages.csv");
        assertThat(zip.get("messages.csv")).startsWith("id,conversationId,direction,type,text,")
                .contains("\"second, with my email asha@example.com\"", "our reply " + run);
        assertThat(http.get("/api/v1/privacy/audit?action=privacy.export", apiKey).json().get("items").size())
                .as("each export is audited").isEqualTo(2);
    }

    @Test
    void aRequestFromThePersonWaitsForTheOneTimeCodeSentToTheirWhatsApp() {
        var person = customer(3);
        write(person, "please delete everything about me");
        await(() -> messagesOf(person) == 1);
        var contact = contactOf(person);

        var filed = http.post("/api/v1/privacy/requests", apiKey, """
                {"type": "erasure", "phone": "+%s", "requestedBy": "person"}""".formatted(person)).json();

        assertThat(filed.get("status").asString()).isEqualTo("awaiting-verification");
        var id = filed.get("id").asString();
        assertThat(http.get("/api/v1/contacts/" + contact, apiKey).status()).as("nothing erased yet").isEqualTo(200);
        var wrong = http.post("/api/v1/privacy/requests/" + id + "/verification", apiKey, "{\"code\": \"000000x\"}");
        assertThat(wrong.status()).isEqualTo(422);
        assertThat(wrong.json().get("attemptsLeft").asInt()).isEqualTo(4);
        var replaced = codeSentTo(contact);
        assertThat(http.post("/api/v1/privacy/requests/" + id + "/verification-code", apiKey, "{}").status()).isEqualTo(200);
        await(() -> outboundMessages(contact) == 2);
        var code = codeSentTo(contact);
        if (!code.equals(replaced)) {
            var old = http.post("/api/v1/privacy/requests/" + id + "/verification", apiKey, "{\"code\": \"" + replaced + "\"}");
            assertThat(old.status()).as("a code replaced by a new one, while the request still waits").isEqualTo(422);
            assertThat(old.json().get("type").asString()).isEqualTo("urn:maxmysales:problem:wrong-code");
        }

        var verified = http.post("/api/v1/privacy/requests/" + id + "/verification", apiKey,
                "{\"code\": \"" + code + "\"}").json();

        assertThat(verified.get("status").asString()).isEqualTo("completed");
        assertThat(verified.get("summary").get("contacts").asInt()).isEqualTo(1);
        assertThat(http.get("/api/v1/contacts/" + contact, apiKey).status()).isEqualTo(404);
        assertThat(http.post("/api/v1/privacy/requests/" + id + "/verification", apiKey, "{\"code\": \"" + code + "\"}")
                .status()).as("nothing more to verify once fulfilled").isEqualTo(409);
    }

    @Test
    void tooManyWrongCodesRefuseTheRequest() {
        var person = customer(4);
        write(person, "hello");
        await(() -> messagesOf(person) == 1);
        var id = http.post("/api/v1/privacy/requests", apiKey, """
                {"type": "access", "phone": "+%s", "requestedBy": "person"}""".formatted(person)).json().get("id").asString();

        for (int attempt = 1; attempt <= 5; attempt++) {
            var wrong = http.post("/api/v1/privacy/requests/" + id + "/verification", apiKey, "{\"code\": \"12345" + attempt + "x\"}");
            assertThat(wrong.status()).as("attempt %d", attempt).isEqualTo(422);
            assertThat(wrong.json().get("attemptsLeft").asInt()).as("attempt %d", attempt).isEqualTo(5 - attempt);
            assertThat(http.get("/api/v1/privacy/requests/" + id, apiKey).json().get("status").asString())
                    .as("after attempt %d", attempt).isEqualTo(attempt < 5 ? "awaiting-verification" : "refused");
        }

        var request = http.get("/api/v1/privacy/requests/" + id, apiKey).json();
        assertThat(request.get("status").asString()).isEqualTo("refused");
        assertThat(request.get("refusal").get("reason").asString()).isEqualTo("identity-not-verified");
        assertThat(request.has("export")).isFalse();
    }

    @Test
    void correctionsGrievancesRefusalsAndLegalHoldsFollowTheirOwnPaths() {
        var person = customer(5);
        write(person, "hi");
        await(() -> messagesOf(person) == 1);
        var contact = contactOf(person);

        var correction = http.post("/api/v1/privacy/requests", apiKey, """
                {"type": "correction", "phone": "+%s", "name": "Asha Rao", "correctedEmail": "Asha.Rao@Example.com"}"""
                .formatted(person)).json();
        assertThat(correction.get("status").asString()).isEqualTo("completed");
        var corrected = http.get("/api/v1/contacts/" + contact, apiKey).json();
        assertThat(corrected.get("name").asString()).isEqualTo("Asha Rao");
        assertThat(corrected.get("email").asString()).isEqualTo("asha.rao@example.com");

        var grievance = http.post("/api/v1/privacy/requests", apiKey, """
                {"type": "grievance", "email": "asha.rao@example.com", "message": "You kept messaging me"}""").json();
        assertThat(grievance.get("status").asString()).isEqualTo("open");
        var resolved = http.post("/api/v1/privacy/requests/" + grievance.get("id").asString() + "/resolution", apiKey,
                "{\"response\": \"We have stopped all marketing to you.\"}").json();
        assertThat(resolved.get("status").asString()).isEqualTo("completed");
        assertThat(resolved.get("resolution").asString()).isEqualTo("We have stopped all marketing to you.");

        var another = http.post("/api/v1/privacy/requests", apiKey, """
                {"type": "grievance", "phone": "+%s", "message": "Again"}""".formatted(person)).json();
        var refused = http.post("/api/v1/privacy/requests/" + another.get("id").asString() + "/refusal", apiKey,
                "{\"reason\": \"duplicate\", \"detail\": \"Answered in your earlier grievance.\"}").json();
        assertThat(refused.get("status").asString()).isEqualTo("refused");
        assertThat(refused.get("refusal").get("detail").asString()).isEqualTo("Answered in your earlier grievance.");

        http.post("/api/v1/privacy/legal-holds", apiKey, """
                {"recordType": "contact", "recordId": "%s", "reason": "Tax audit"}""".formatted(contact));
        var erasure = http.post("/api/v1/privacy/requests", apiKey, "{\"type\": \"erasure\", \"phone\": \"+" + person + "\"}")
                .json();
        var answered = http.get("/api/v1/privacy/requests/" + erasure.get("id").asString(), apiKey).json();
        assertThat(answered.get("status").asString()).isEqualTo("refused");
        assertThat(answered.get("refusal").get("reason").asString()).isEqualTo("legal-hold");
        assertThat(http.get("/api/v1/contacts/" + contact, apiKey).status()).isEqualTo(200);
    }

    @Test
    void aHeldConversationRefusesTheWholeErasureOfItsContactAndNothingIsDeleted() {
        var person = customer(7);
        write(person, "my order never came " + run);
        await(() -> messagesOf(person) == 1);
        var contact = contactOf(person);
        var conversation = http.get("/api/v1/conversations?contactId=" + contact, apiKey).json().get("items").get(0)
                .get("id").asString();
        var hold = http.post("/api/v1/privacy/legal-holds", apiKey, """
                {"recordType": "conversation", "recordId": "%s", "reason": "Consumer complaint 17/2026"}"""
                .formatted(conversation)).json().get("id").asString();

        var deleted = http.delete("/api/v1/contacts/" + contact, apiKey);

        assertThat(deleted.status()).isEqualTo(409);
        assertThat(deleted.json().get("type").asString()).isEqualTo("urn:maxmysales:problem:legal-hold");
        assertThat(deleted.json().get("detail").asString()).contains("conversation " + conversation, hold, "nothing was erased");
        assertThat(deleted.json().get("holds").get(0).get("id").asString()).isEqualTo(hold);
        assertThat(deleted.json().get("holds").get(0).get("recordType").asString()).isEqualTo("conversation");
        var erasure = http.post("/api/v1/privacy/requests", apiKey, "{\"type\": \"erasure\", \"phone\": \"+" + person + "\"}")
                .json().get("id").asString();
        var answered = http.get("/api/v1/privacy/requests/" + erasure, apiKey).json();
        assertThat(answered.get("status").asString()).isEqualTo("refused");
        assertThat(answered.get("refusal").get("reason").asString()).isEqualTo("legal-hold");
        assertThat(answered.get("refusal").get("detail").asString()).contains("nothing was erased");
        assertThat(http.get("/api/v1/privacy/audit?action=privacy.request.refuse", apiKey).json().get("items").get(0)
                .get("detail").asString()).isEqualTo("reason=legal-hold,holdId=" + hold);
        assertThat(http.get("/api/v1/contacts/" + contact, apiKey).status()).as("the contact stays").isEqualTo(200);
        assertThat(messagesOf(person)).as("and every message of theirs").isEqualTo(1);
        var workspace = WorkspaceId.of(http.get("/api/v1/workspace", apiKey).json().get("id").asString());
        assertThat(personalData.wasErased(workspace, PhoneNumber.fromWhatsAppId(person), null)).as("no tombstone written").isFalse();

        assertThat(http.delete("/api/v1/privacy/legal-holds/" + hold, apiKey).status()).isEqualTo(204);

        assertThat(http.delete("/api/v1/contacts/" + contact, apiKey).status()).as("released, erasure proceeds").isEqualTo(204);
        assertThat(http.get("/api/v1/contacts/" + contact, apiKey).status()).isEqualTo(404);
    }

    private String customer(int n) {
        return String.valueOf(919_500_000_000L + run * 10 + n);
    }

    /** Sent just now, so that the 24-hour window is open for replies and codes. */
    private void write(String waId, String text) {
        var message = """
                { "from": "%s", "id": "wamid.REQ%s%d", "timestamp": "%d", "type": "text", "text": { "body": "%s" } }"""
                .formatted(waId, waId, System.nanoTime(), Instant.now().getEpochSecond(), text);
        assertThat(MetaWebhooks.post(http, MetaWebhooks.inbound(phoneNumberId, waId, "Person " + waId, message)).status())
                .isEqualTo(200);
    }

    private String contactOf(String waId) {
        var items = http.get("/api/v1/contacts?phone=%2B" + waId, apiKey).json().get("items");
        return items.isEmpty() ? null : items.get(0).get("id").asString();
    }

    private int messagesOf(String waId) {
        var contact = contactOf(waId);
        if (contact == null) {
            return 0;
        }
        int count = 0;
        for (var conversation : http.get("/api/v1/conversations?contactId=" + contact, apiKey).json().get("items")) {
            count += http.get("/api/v1/conversations/" + conversation.get("id").asString() + "/messages", apiKey).json()
                    .get("items").size();
        }
        return count;
    }

    /** The code as the person reads it on WhatsApp: the newest outbound message of their conversation. */
    private String codeSentTo(String contact) {
        var conversation = http.get("/api/v1/conversations?contactId=" + contact, apiKey).json().get("items").get(0)
                .get("id").asString();
        JsonNode sent = null;
        for (var message : http.get("/api/v1/conversations/" + conversation + "/messages", apiKey).json().get("items")) {
            if (message.get("direction").asString().equals("outbound") && sent == null) {
                sent = message;
            }
        }
        assertThat(sent).as("a code was sent on WhatsApp").isNotNull();
        var matcher = Pattern.compile("is (\\d{6})\\.").matcher(sent.get("text").asString());
        assertThat(matcher.find()).isTrue();
        return matcher.group(1);
    }

    private long outboundMessages(String contact) {
        var conversation = http.get("/api/v1/conversations?contactId=" + contact, apiKey).json().get("items").get(0)
                .get("id").asString();
        return http.get("/api/v1/conversations/" + conversation + "/messages", apiKey).json().get("items").valueStream()
                .filter(message -> message.get("direction").asString().equals("outbound")).count();
    }

    private Map<String, String> unzip(String path) throws Exception {
        var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + apiKey).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        var files = new HashMap<String, String>();
        try (var zip = new ZipInputStream(new ByteArrayInputStream(response.body()), StandardCharsets.UTF_8)) {
            for (var entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                files.put(entry.getName(), new String(zip.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return files;
    }
}
