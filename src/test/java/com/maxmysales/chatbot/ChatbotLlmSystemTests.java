package com.maxmysales.chatbot;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

import com.maxmysales.privacy.spi.DataSubject;
import com.maxmysales.security.TeamFixture;
import com.maxmysales.shared.ContactId;
import com.maxmysales.support.Eventually;
import com.maxmysales.support.Http;
import com.maxmysales.support.PlatformTest;
import com.maxmysales.support.SandboxNumber;
import com.maxmysales.tenancy.ApiKeyManagement;
import com.maxmysales.tenancy.Role;
import com.maxmysales.tenancy.SignUp;
import com.maxmysales.tenancy.Team;
import com.maxmysales.tenancy.WorkspaceManagement;
import com.sun.net.httpserver.HttpServer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The optional LLM against a local OpenAI-compatible server over real HTTP (the JDK's HttpServer) that records
 * every request: a question with a name, a phone number and an email reaches it with placeholders only, and the
 * customer's answer has them back; an opted-out customer's question never reaches it; the processor is listed in
 * the access export.
 */
@PlatformTest
class ChatbotLlmSystemTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern PLACEHOLDER = Pattern.compile("\\[[A-Z]+_\\d+]");

    @LocalServerPort
    int port;
    @Autowired
    SignUp signUp;
    @Autowired
    Team team;
    @Autowired
    ApiKeyManagement apiKeys;
    @Autowired
    WorkspaceManagement workspaces;
    @Autowired
    ChatbotPersonalData personalData;

    com.maxmysales.shared.WorkspaceId workspace;

    HttpServer llm;
    final List<String> received = new CopyOnWriteArrayList<>();
    /** How long the recording server takes to answer. */
    volatile java.time.Duration delay = java.time.Duration.ZERO;
    Http http;
    String key;
    SandboxNumber number;
    String run;

    @BeforeEach
    void aWorkspaceWithItsLlm() throws IOException {
        llm = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        llm.createContext("/v1/chat/completions", exchange -> {
            var body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(body);
            try {
                Thread.sleep(delay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            var question = JSON.readTree(body).get("messages").get(1).get("content").asString();
            var placeholders = new StringBuilder();
            PLACEHOLDER.matcher(question).results().forEach(found -> placeholders.append(' ').append(found.group()));
            var answer = JSON.createObjectNode();
            answer.putArray("choices").addObject().putObject("message").put("role", "assistant")
                    .put("content", "Noted:" + placeholders + ". A refund takes 5 days.");
            var bytes = JSON.writeValueAsBytes(answer);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        llm.start();
        http = new Http(port);
        var fixture = new TeamFixture(signUp, team, apiKeys, workspaces, "LLM Shop");
        key = fixture.keys.get(Role.OWNER);
        workspace = fixture.workspace;
        number = SandboxNumber.connect(http, key);
        run = String.valueOf(System.nanoTime() % 100_000_000L);
        assertThat(http.put("/api/v1/chatbot", key, "{\"enabled\": true, \"useExampleFaq\": true}").status()).isEqualTo(200);
        var configured = http.put("/api/v1/chatbot/llm", key, """
                {"enabled": true, "baseUrl": "http://127.0.0.1:%d/v1", "model": "local-test", "apiKey": "sk-test-%s"}"""
                .formatted(llm.getAddress().getPort(), run));
        assertThat(configured.status()).as(configured.body()).isEqualTo(200);
        assertThat(configured.body()).doesNotContain("sk-test");
    }

    @AfterEach
    void stop() {
        llm.stop(0);
    }

    @Test
    void theLlmGetsPlaceholdersOnlyAndTheCustomerGetsTheirDetailsBack() {
        var phone = "+9188" + run + "1";
        number.customerWritesText(phone, "Priya Sharma",
                "Hi, I am Priya Sharma, call me on +91 98111 22233 or mail priya.s@example.com about my refund");

        var reply = awaitBotReply(phone);
        assertThat(received).hasSize(1);
        var sent = received.getFirst();
        assertThat(sent).contains("[NAME_1]", "[PHONE_1]", "[EMAIL_1]")
                .doesNotContain("Priya", "Sharma", "98111", "22233", "priya.s@example.com");
        assertThat(reply).contains("Priya Sharma", "+91 98111 22233", "priya.s@example.com", "refund takes 5 days")
                .doesNotContain("[NAME_1]", "[PHONE_1]", "[EMAIL_1]");
    }

    @Test
    void anOptedOutCustomersQuestionNeverReachesTheLlmAndTheProcessorIsInTheAccessExport() {
        var phone = "+9187" + run + "1";
        number.customerWritesText(phone, "Arun", "STOP");
        Eventually.await(() -> contactOf(phone) != null);
        number.customerWritesText(phone, "Arun", "How long does delivery take?");
        var reply = awaitBotReply(phone);

        assertThat(received).isEmpty();
        assertThat(reply).contains("24-48 hours");
        var export = personalData.export(workspace, new DataSubject(
                java.util.Set.of(new ContactId(java.util.UUID.fromString(contactOf(phone)))), java.util.Set.of(),
                java.util.Set.of()));
        assertThat(export).anySatisfy(record -> {
            assertThat(record.get("record")).isEqualTo("processor");
            assertThat(record.get("host")).isEqualTo("127.0.0.1");
            assertThat(record.get("model")).isEqualTo("local-test");
        });
    }

    @Test
    void anLlmThatAnswersTooLateIsNotWaitedForAndTheFaqAnswers() {
        delay = LlmAnswers.TIMEOUT.plusSeconds(3);
        var phone = "+9186" + run + "1";
        var asked = System.nanoTime();
        number.customerWritesText(phone, "Kavya", "How long does delivery take?");

        var reply = awaitBotReply(phone);
        assertThat(received).as("the LLM was asked").hasSize(1);
        assertThat(reply).contains("24-48 hours").doesNotContain("refund takes 5 days");
        assertThat(java.time.Duration.ofNanos(System.nanoTime() - asked)).isLessThan(delay.plusSeconds(10));
    }

    @Test
    void aContactMarkedAsAMinorNeverReachesTheLlm() {
        var tagged = "+9185" + run + "1";
        var byAttribute = "+9185" + run + "2";
        var byAge = "+9185" + run + "3";
        http.post("/api/v1/contacts/attributes", key, "{\"key\": \"minor\", \"type\": \"boolean\"}");
        http.post("/api/v1/contacts/attributes", key, "{\"key\": \"age\", \"type\": \"number\"}");
        assertThat(http.post("/api/v1/contacts", key, "{\"phone\": \"" + tagged + "\", \"tags\": [\"minor\"]}")
                .status()).isEqualTo(201);
        assertThat(http.post("/api/v1/contacts", key,
                "{\"phone\": \"" + byAttribute + "\", \"attributes\": {\"minor\": true}}").status()).isEqualTo(201);
        assertThat(http.post("/api/v1/contacts", key, "{\"phone\": \"" + byAge + "\", \"attributes\": {\"age\": 15}}")
                .status()).isEqualTo(201);

        for (var phone : List.of(tagged, byAttribute, byAge)) {
            number.customerWritesText(phone, "Rohan", "How long does delivery take? My email is rohan@example.com");
            assertThat(awaitBotReply(phone)).contains("24-48 hours");
        }
        assertThat(received).isEmpty();
    }

    private String awaitBotReply(String phone) {
        // The first question after the platform starts loads the models and trains the classifier: on a busy machine
        // that alone has taken most of half a minute.
        Eventually.await(Duration.ofSeconds(90), () -> contactOf(phone) != null && !botTexts(phone).isEmpty());
        return botTexts(phone).getLast();
    }

    private List<String> botTexts(String phone) {
        var conversations = http.get("/api/v1/conversations?contactId=" + contactOf(phone), key).json().get("items");
        if (conversations.isEmpty()) {
            return List.of();
        }
        var messages = http.get("/api/v1/conversations/" + conversations.get(0).get("id").asString()
                + "/messages?limit=100", key).json().get("items");
        var texts = new java.util.ArrayList<JsonNode>();
        messages.forEach(message -> {
            if ("bot".equals(message.path("lane").asString(""))) {
                texts.add(message);
            }
        });
        texts.sort(java.util.Comparator.comparing(message -> message.get("createdAt").asString()));
        return texts.stream().map(message -> message.get("text").asString()).toList();
    }

    private String contactOf(String phone) {
        var items = http.get("/api/v1/contacts?phone=" + phone.replace("+", "%2B"), key).json().get("items");
        return items.isEmpty() ? null : items.get(0).get("id").asString();
    }
}
