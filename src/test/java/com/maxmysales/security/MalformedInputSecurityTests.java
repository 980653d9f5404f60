package com.maxmysales.security;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
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

import static org.assertj.core.api.Assertions.assertThat;

/** Input no parser should accept is refused with a 400 problem, never a 500, and nothing of it is stored. */
@PlatformTest
class MalformedInputSecurityTests {

    /** Jackson refuses documents nested deeper than 500 levels; 600 is past it. */
    private static final String DEEP = "[".repeat(600) + "]".repeat(600);

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    Http http;
    String apiKey;
    String run;

    @BeforeEach
    void aWorkspace() {
        http = new Http(port);
        apiKey = http.createWorkspace("Malformed");
        run = String.format("%08d", Math.abs(UUID.randomUUID().getLeastSignificantBits() % 100_000_000L));
    }

    /**
     * Issue 11, item 10: a validly signed WhatsApp or Meta webhook, a Google lead with the right key and an API
     * body, each nested 600 levels deep inside an otherwise good document, answer 400 and store nothing.
     */
    @Test
    void jsonNestedDeeperThanFiveHundredLevelsIsA400AndNothingIsStored() throws Exception {
        var phoneNumberId = SandboxNumber.connect(http, apiKey).phoneNumberId();
        var waId = "9193" + run;
        var message = """
                { "from": "%s", "id": "wamid.DEEP%s", "timestamp": "1767225660", "type": "text", "text": { "body": "hi" },
                  "deep": %s }""".formatted(waId, run, DEEP);
        var whatsApp = MetaWebhooks.inbound(phoneNumberId, waId, "Deep", message);
        assertRefused(http.post("/webhooks/whatsapp", null, whatsApp, Map.of("X-Hub-Signature-256", MetaWebhooks.sign(whatsApp))));
        assertThat(jdbc.sql("select count(*) from webhook_events where body_hash = ?").param(sha256(whatsApp))
                .query(Integer.class).single()).isZero();

        var page = http.post("/api/v1/lead-sources", apiKey, "{\"type\": \"meta\", \"sandbox\": true}");
        assertThat(page.status()).as(page.body()).isEqualTo(201);
        var pageId = page.json().get("pageId").asString();
        var meta = """
                {"object": "page", "entry": [{"id": "%s", "time": 1767232800, "changes": [{"field": "leadgen",
                 "value": {"leadgen_id": "deep%s", "page_id": "%s", "form_id": "93%s", "created_time": 1767232795,
                 "deep": %s}}]}]}""".formatted(pageId, run, pageId, run, DEEP);
        assertRefused(http.post("/webhooks/meta", null, meta, Map.of("X-Hub-Signature-256", MetaWebhooks.sign(meta))));
        assertThat(leads("deep" + run)).isZero();

        var source = http.post("/api/v1/lead-sources", apiKey, "{\"type\": \"google\"}").json();
        var key = source.get("key").asString();
        assertRefused(http.post("/webhooks/leads/google?source=" + source.get("id").asString(), null, """
                {"lead_id": "deepg%s", "google_key": "%s", "user_column_data": [
                 {"column_id": "PHONE_NUMBER", "string_value": "+%s"}], "deep": %s}""".formatted(run, key, waId, DEEP)));
        assertThat(leads("deepg" + run)).isZero();

        assertRefused(http.post("/api/v1/contacts", apiKey, "{\"phone\": \"+%s\", \"attributes\": {\"x\": %s}}"
                .formatted(waId, DEEP)));
        assertRefused(http.post("/api/v1/segments", apiKey, "{\"name\": \"deep\", \"filter\": {\"tagsAll\": %s}}".formatted(DEEP)));
        assertRefused(http.post("/api/v1/messages", apiKey, "{\"to\": \"+%s\", \"type\": \"text\", \"text\": %s}"
                .formatted(waId, DEEP)));
        assertThat(http.get("/api/v1/contacts?phone=%2B" + waId, apiKey).json().get("items")).as("no contact").isEmpty();
    }

    /**
     * Issue 11, item 10: a query string that is not UTF-8, or not percent-encoded, or has more parameters than the
     * server reads, is a 400 problem on any path.
     */
    @Test
    void aQueryStringThatIsNotUtf8IsA400ProblemEverywhere() {
        for (var path : new String[] {"/api/v1/contacts?phone=%C3%28", "/api/v1/contacts?phone=%FF",
                "/api/v1/leads?source=%ED%A0%80", "/api/v1/contacts?ph%FFone=1", "/webhooks/whatsapp?hub.mode=%FF",
                "/webhooks/meta?hub.challenge=%C3", "/app/contacts?q=%C3%28", "/actuator/health?probe=%FF", "/?x=%FF"}) {
            var answer = http.get(path, apiKey);
            assertThat(answer.status()).as(path + ": " + answer.body()).isEqualTo(400);
            assertThat(answer.header("Content-Type")).as(path).startsWith("application/problem+json");
            assertThat(answer.json().get("type").asString()).as(path).isEqualTo("urn:maxmysales:problem:malformed-query");
        }
        assertThat(http.get("/api/v1/contacts?email=ren%C3%A9e%40example.com", apiKey).status())
                .as("UTF-8 that is well formed").isEqualTo(200);

        var tooMany = http.get("/api/v1/contacts?" + String.join("&", java.util.stream.IntStream.range(0, 1100)
                .mapToObj(i -> "p" + i + "=1").toList()), apiKey);
        assertThat(tooMany.status()).as("more parameters than Tomcat reads: " + tooMany.body()).isEqualTo(400);
        assertThat(tooMany.json().get("type").asString()).isEqualTo("urn:maxmysales:problem:malformed-query");
    }

    private static void assertRefused(Http.Response answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
    }

    private int leads(String externalId) {
        return jdbc.sql("select count(*) from leads where external_id = ?").params(externalId).query(Integer.class).single();
    }

    private static byte[] sha256(String body) throws NoSuchAlgorithmException {
        return MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8));
    }
}
