package com.maxmysales.sandbox;

import java.util.concurrent.ThreadLocalRandom;

import com.maxmysales.support.Http;
import com.maxmysales.support.SandboxNumber;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Calls the sandbox as the platform (Graph API) and as a customer would, over real HTTP, for a workspace of its
 * own with one sandbox number, authenticated by the workspace's API key.
 */
final class SandboxClient {

    static final String GRAPH = "/sandbox/graph/v23.0/";

    private final Http http;
    private final String apiKey;
    private final SandboxNumber number;

    SandboxClient(int port) {
        this(new Http(port), new Http(port).createWorkspace("Sandbox test"));
    }

    SandboxClient(Http http, String apiKey) {
        this.http = http;
        this.apiKey = apiKey;
        this.number = SandboxNumber.connect(http, apiKey);
    }

    Http http() {
        return http;
    }

    String apiKey() {
        return apiKey;
    }

    SandboxNumber number() {
        return number;
    }

    String phoneNumberId() {
        return number.phoneNumberId();
    }

    static String newCustomer() {
        return "+9198" + ThreadLocalRandom.current().nextLong(10_000_000L, 99_999_999L);
    }

    Http.Response get(String graphPath) {
        return http.get(GRAPH + graphPath, apiKey);
    }

    Http.Response post(String graphPath, String json) {
        return http.post(GRAPH + graphPath, apiKey, json);
    }

    Http.Response send(String phoneNumberId, String json) {
        return post(phoneNumberId + "/messages", json);
    }

    String sendText(String phoneNumberId, String to, String body) {
        return accepted(send(phoneNumberId, """
                {"messaging_product": "whatsapp", "recipient_type": "individual", "to": "%s",
                 "type": "text", "text": {"body": "%s"}}""".formatted(to, body)));
    }

    String sendTemplate(String phoneNumberId, String to) {
        return accepted(send(phoneNumberId, template(to)));
    }

    static String template(String to) {
        return """
                {"messaging_product": "whatsapp", "to": "%s", "type": "template",
                 "template": {"name": "delivery_update", "language": {"code": "en_US"},
                              "components": [{"type": "body", "parameters": [{"type": "text", "text": "Asha"}]}]}}"""
                .formatted(to);
    }

    /** @param json the whole body, {@code to} included */
    Http.Response customerWrites(String phone, String json) {
        return http.post("/sandbox/customers/" + phone.replace("+", "%2B") + "/messages", apiKey, json);
    }

    String customerWrites(String phone, String phoneNumberId, String text) {
        var written = customerWrites(phone, """
                {"to": "%s", "text": "%s"}""".formatted(phoneNumberId, text));
        assertThat(written.status()).as(written.body()).isEqualTo(202);
        return written.json().get("wamid").asString();
    }

    private static String accepted(Http.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().get("messages").get(0).get("id").asString();
    }
}
