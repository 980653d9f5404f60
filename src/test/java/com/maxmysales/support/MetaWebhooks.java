package com.maxmysales.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Builds webhook bodies the way Meta shapes them and signs them the way Meta does. */
public final class MetaWebhooks {

    /** The app secret test platforms are given (@PlatformTest), which their sandbox signs with too. */
    public static final String APP_SECRET = "test-app-secret-9f2c41d7";
    /** The verify token test platforms are given. */
    public static final String VERIFY_TOKEN = "test-verify-token-5e8a";

    private MetaWebhooks() {
    }

    public static String fixture(String path) {
        try (var in = MetaWebhooks.class.getResourceAsStream("/fixtures/whatsapp/" + path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A {@code messages} change carrying one inbound message object from a customer. */
    public static String inbound(String phoneNumberId, String waId, String name, String messageJson) {
        return envelope(phoneNumberId, """
                "contacts": [ { "profile": { "name": "%s" }, "wa_id": "%s", "user_id": "IN.%s" } ],
                "messages": [ %s ]""".formatted(name, waId, waId, messageJson));
    }

    /** A {@code messages} change carrying statuses. */
    public static String statuses(String phoneNumberId, String... statusJson) {
        return envelope(phoneNumberId, "\"statuses\": [ " + String.join(", ", statusJson) + " ]");
    }

    public static String status(String wamid, String status, long epochSeconds, String recipient) {
        return """
                { "id": "%s", "status": "%s", "timestamp": "%d", "recipient_id": "%s",
                  "pricing": { "billable": true, "pricing_model": "PMP", "type": "regular", "category": "service" } }"""
                .formatted(wamid, status, epochSeconds, recipient);
    }

    public static String envelope(String phoneNumberId, String valueFields) {
        return """
                { "object": "whatsapp_business_account", "entry": [ { "id": "300000000000001", "changes": [ {
                  "field": "messages", "value": { "messaging_product": "whatsapp",
                  "metadata": { "display_phone_number": "919800000001", "phone_number_id": "%s" },
                  %s } } ] } ] }""".formatted(phoneNumberId, valueFields);
    }

    public static String sign(String body) {
        return sign(APP_SECRET, body);
    }

    public static String sign(String secret, String body) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Http.Response post(Http http, String body) {
        return http.post("/webhooks/whatsapp", null, body, Map.of("X-Hub-Signature-256", sign(body)));
    }
}
