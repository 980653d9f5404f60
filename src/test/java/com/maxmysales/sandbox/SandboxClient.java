package com.maxmysales.sandbox;

import java.util.concurrent.ThreadLocalRandom;

import com.maxmysales.support.Http;

import static org.assertj.core.api.Assertions.assertThat;

/** Calls the sandbox as the platform (Graph API) and as a customer would, over real HTTP. */
final class SandboxClient {

    static final String GRAPH = "/sandbox/graph/v23.0/";
    static final String TOKEN = "any-access-token";

    private final Http http;

    SandboxClient(int port) {
        this.http = new Http(port);
    }

    Http http() {
        return http;
    }

    /** A business number of its own per test: the sandbox serves any id, and webhooks are told apart by it. */
    static String newPhoneNumberId() {
        return String.valueOf(ThreadLocalRandom.current().nextLong(100_000_000_000_000L, 999_999_999_999_999L));
    }

    static String newCustomer() {
        return "+9198" + ThreadLocalRandom.current().nextLong(10_000_000L, 99_999_999L);
    }

    Http.Response send(String phoneNumberId, String json) {
        return http.post(GRAPH + phoneNumberId + "/messages", TOKEN, json);
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

    Http.Response customerWrites(String phone, String json) {
        return http.post("/sandbox/customers/" + phone + "/messages", null, json);
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
