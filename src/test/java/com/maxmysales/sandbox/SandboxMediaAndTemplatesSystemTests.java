package com.maxmysales.sandbox;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;

import com.maxmysales.sandbox.SandboxGraphSystemTests.PlatformWebhooks;
import com.maxmysales.support.Http;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.maxmysales.sandbox.SandboxGraphSystemTests.JSON;
import static com.maxmysales.sandbox.SandboxGraphSystemTests.assertMetaError;
import static org.assertj.core.api.Assertions.assertThat;

/** The Graph API's media and message-template calls, as the platform makes them. */
@SandboxPlatformTest
class SandboxMediaAndTemplatesSystemTests {

    @LocalServerPort
    int port;
    @Autowired
    PlatformWebhooks platform;
    SandboxClient sandbox;
    Http http;
    String phoneNumberId;

    @BeforeEach
    void connect() {
        sandbox = new SandboxClient(port);
        http = sandbox.http();
        phoneNumberId = sandbox.phoneNumberId();
    }

    @Test
    void uploadedMediaCanBeLookedUpDownloadedWithTheTokenSentAndDeleted() throws Exception {
        var png = new byte[] { (byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 1, 2, 3, 4 };

        var upload = upload(png, "image/png");

        assertThat(upload.statusCode()).as(upload.body()).isEqualTo(200);
        var mediaId = JSON.readTree(upload.body()).get("id").asString();
        var info = http.get(SandboxClient.GRAPH + mediaId, sandbox.apiKey());
        assertThat(info.status()).isEqualTo(200);
        assertThat(info.json().get("messaging_product").asString()).isEqualTo("whatsapp");
        assertThat(info.json().get("mime_type").asString()).isEqualTo("image/png");
        assertThat(info.json().get("file_size").asString()).isEqualTo("12");
        assertThat(info.json().get("id").asString()).isEqualTo(mediaId);
        assertThat(info.json().get("sha256").asString())
                .isEqualTo(Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(png)));

        var url = info.json().get("url").asString();
        var download = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + sandbox.apiKey()).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(download.body()).isEqualTo(png);
        var anonymous = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).as("Meta's media URLs want the token").isEqualTo(401);

        var image = sandbox.send(phoneNumberId, """
                {"messaging_product": "whatsapp", "to": "%s", "type": "image", "image": {"id": "%s", "caption": "Plan"}}"""
                .formatted(SandboxClient.newCustomer(), mediaId));
        assertThat(image.status()).isEqualTo(200);

        assertThat(http.delete(SandboxClient.GRAPH + mediaId, sandbox.apiKey()).json())
                .isEqualTo(JSON.readTree("{\"success\": true}"));
        assertMetaError(http.get(SandboxClient.GRAPH + mediaId, sandbox.apiKey()), 404, 100, mediaId);
    }

    @Test
    void mediaOfATypeWhatsappDoesNotTakeIsRefused() throws Exception {
        var upload = upload("#!/bin/sh".getBytes(StandardCharsets.US_ASCII), "application/x-sh");

        assertThat(upload.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(upload.body()).get("error").get("code").asInt()).isEqualTo(100);
    }

    @Test
    void aSubmittedTemplateIsPendingThenApprovedWithASignedWebhook() {
        var wabaId = sandbox.number().wabaId();

        var submitted = http.post(SandboxClient.GRAPH + wabaId + "/message_templates", sandbox.apiKey(), """
                {"name": "site_visit_reminder", "language": "en_US", "category": "UTILITY",
                 "components": [{"type": "BODY", "text": "Hi {{1}}, your site visit is on {{2}}.",
                                 "example": {"body_text": [["Asha", "Sat 10 Jan, 11:00"]]}}]}""");

        assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
        assertThat(submitted.json().get("status").asString()).isEqualTo("PENDING");
        assertThat(submitted.json().get("category").asString()).isEqualTo("UTILITY");
        var templateId = submitted.json().get("id").asString();

        var webhook = platform.await(json -> wabaId.equals(json.path("entry").path(0).path("id").asString(""))).json();
        var entry = webhook.get("entry").get(0);
        assertThat(entry.get("time").isNumber()).isTrue();
        assertThat(entry.get("changes").get(0).get("field").asString()).isEqualTo("message_template_status_update");
        assertThat(entry.get("changes").get(0).get("value")).isEqualTo(JSON.readTree("""
                {"event": "APPROVED", "message_template_id": %s, "message_template_name": "site_visit_reminder",
                 "message_template_language": "en_US", "reason": "NONE", "message_template_category": "UTILITY"}"""
                .formatted(templateId)));

        var listed = http.get(SandboxClient.GRAPH + wabaId + "/message_templates?name=site_visit_reminder", sandbox.apiKey());
        assertThat(listed.json().get("data").get(0).get("status").asString()).isEqualTo("APPROVED");
        assertThat(listed.json().get("data").get(0).get("id").asString()).isEqualTo(templateId);

        var duplicate = http.post(SandboxClient.GRAPH + wabaId + "/message_templates", sandbox.apiKey(), """
                {"name": "site_visit_reminder", "language": "en_US", "category": "UTILITY",
                 "components": [{"type": "BODY", "text": "Again"}]}""");
        assertMetaError(duplicate, 400, 100, "already exists");
        assertThat(duplicate.json().get("error").get("error_subcode").asInt()).isEqualTo(2388024);
    }

    private HttpResponse<String> upload(byte[] file, String mimeType) throws Exception {
        var boundary = "sandbox-" + System.nanoTime();
        var body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"messaging_product\"\r\n\r\n"
                + "whatsapp\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"file\"\r\n"
                + "Content-Type: " + mimeType + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        body.writeBytes(file);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + SandboxClient.GRAPH + phoneNumberId + "/media"))
                .header("Authorization", "Bearer " + sandbox.apiKey())
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .build(), HttpResponse.BodyHandlers.ofString());
    }
}
