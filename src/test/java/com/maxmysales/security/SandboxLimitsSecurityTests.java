package com.maxmysales.security;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import com.maxmysales.support.Http;
import com.maxmysales.support.PlatformTest;
import com.maxmysales.support.SandboxNumber;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The penetration test after the fence took the platform down from one free account: the sandbox kept whatever
 * it was sent in memory (160 templates of 40 MB each exhausted a 6 GB heap), and one workspace's uploads evicted
 * another's media. Every sandbox store is now bounded: request bodies, templates, customers' messages, test
 * leads, numbers and pages per workspace, and media per workspace.
 */
@PlatformTest
class SandboxLimitsSecurityTests {

    private static final String GRAPH = "/sandbox/graph/v25.0/";
    private static final int MB = 1024 * 1024;

    @LocalServerPort
    int port;
    Http http;
    String apiKey;
    SandboxNumber number;

    @BeforeEach
    void aWorkspaceWithASandboxNumber() {
        http = new Http(port);
        apiKey = http.createWorkspace("Sandbox limits");
        number = SandboxNumber.connect(http, apiKey);
    }

    @Test
    void aSandboxRequestBodyOverOneMebibyteIsRefusedBeforeItIsRead() {
        var huge = "{\"name\": \"huge\", \"language\": \"en\", \"category\": \"UTILITY\", \"components\": [{\"type\": \"BODY\","
                + " \"text\": \"" + "A".repeat(2 * MB) + "\"}]}";

        var refused = http.post(GRAPH + number.wabaId() + "/message_templates", apiKey, huge);

        assertThat(refused.status()).isEqualTo(413);
        assertThat(refused.json().get("type").asString()).isEqualTo("urn:maxmysales:problem:request-too-large");
    }

    @Test
    void templatesCustomersMessagesAndTestLeadsLargerThanMetaEverSendsAreRefused() {
        var template = http.post(GRAPH + number.wabaId() + "/message_templates", apiKey, """
                {"name": "big_body", "language": "en", "category": "UTILITY",
                 "components": [{"type": "BODY", "text": "%s"}]}""".formatted("B".repeat(20_000)));
        assertThat(template.status()).as(template.body()).isEqualTo(400);
        assertThat(http.get(GRAPH + number.wabaId() + "/message_templates", apiKey).body()).doesNotContain("big_body");

        var message = http.post("/sandbox/customers/%2B919811177701/messages", apiKey, """
                {"to": "%s", "name": "Long", "text": "%s"}""".formatted(number.phoneNumberId(), "C".repeat(20_000)));
        assertThat(message.status()).as(message.body()).isEqualTo(400);

        var page = http.post("/api/v1/lead-sources", apiKey, "{\"type\": \"meta\", \"sandbox\": true}").json();
        var lead = http.post(GRAPH + page.get("forms").get(0).asString() + "/test_leads", apiKey, """
                {"page_id": "%s", "field_data": [{"name": "full_name", "values": ["%s"]}]}"""
                .formatted(page.get("pageId").asString(), "D".repeat(10_000)));
        assertThat(lead.status()).as(lead.body()).isEqualTo(400);
    }

    @Test
    void aWorkspaceHasAtMostFiveSandboxNumbersAndFivePages() {
        for (int i = 1; i < 5; i++) {
            SandboxNumber.connect(http, apiKey);
        }
        for (int i = 0; i < 5; i++) {
            assertThat(http.post("/api/v1/lead-sources", apiKey, "{\"type\": \"meta\", \"sandbox\": true}").status())
                    .isEqualTo(201);
        }

        var sixthNumber = http.post("/api/v1/channels", apiKey, "{\"sandbox\": true}");
        var sixthPage = http.post("/api/v1/lead-sources", apiKey, "{\"type\": \"meta\", \"sandbox\": true}");

        assertThat(sixthNumber.status()).isEqualTo(422);
        assertThat(sixthNumber.json().get("type").asString()).isEqualTo("urn:maxmysales:problem:sandbox-limit");
        assertThat(sixthPage.status()).isEqualTo(422);
        assertThat(http.get("/api/v1/channels", apiKey).json()).hasSize(5);
    }

    /** A workspace's uploads evict its own oldest media past its quota, never another workspace's. */
    @Test
    void aWorkspacesMediaNeverEvictsAnotherWorkspacesMedia() throws Exception {
        var otherKey = http.createWorkspace("Sandbox limits, the other");
        var other = SandboxNumber.connect(http, otherKey);
        var kept = mediaId(upload(otherKey, other.phoneNumberId(), new byte[100_000], "image/jpeg"));

        var first = mediaId(upload(apiKey, number.phoneNumberId(), new byte[15 * MB], "video/mp4"));
        var second = mediaId(upload(apiKey, number.phoneNumberId(), new byte[15 * MB], "video/mp4"));
        var third = mediaId(upload(apiKey, number.phoneNumberId(), new byte[15 * MB], "video/mp4"));

        assertThat(http.get(GRAPH + first, apiKey).status()).as("its own oldest, past 32 MB").isEqualTo(404);
        assertThat(http.get(GRAPH + second, apiKey).status()).isEqualTo(200);
        assertThat(http.get(GRAPH + third, apiKey).status()).isEqualTo(200);
        assertThat(http.get(GRAPH + kept, otherKey).status()).as("the other workspace's").isEqualTo(200);
    }

    private String mediaId(HttpResponse<String> upload) {
        assertThat(upload.statusCode()).as(upload.body()).isEqualTo(200);
        return upload.body().replaceAll(".*\"id\"\\s*:\\s*\"([0-9]+)\".*", "$1");
    }

    private HttpResponse<String> upload(String key, String phoneNumberId, byte[] file, String mimeType) throws Exception {
        var boundary = "limits-" + System.nanoTime();
        var body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"messaging_product\"\r\n\r\n"
                + "whatsapp\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"file\"\r\n"
                + "Content-Type: " + mimeType + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        body.writeBytes(file);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + GRAPH + phoneNumberId + "/media"))
                .header("Authorization", "Bearer " + key)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .build(), HttpResponse.BodyHandlers.ofString());
    }
}
