package com.maxmysales.support;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A sandbox number of a test's workspace, opened through the API as an integrator does, and its customers
 * writing in through the sandbox with the workspace's API key.
 *
 * @param channelId the platform's id of the number
 * @param phoneNumberId the id the sandbox drew, which webhooks and Graph calls name
 */
public record SandboxNumber(Http http, String apiKey, String channelId, String phoneNumberId, String wabaId,
        String displayPhoneNumber) {

    public static SandboxNumber connect(Http http, String apiKey) {
        return connect(http, apiKey, "{\"sandbox\": true}");
    }

    /** @param body {@code {"sandbox": true}} with, say, a {@code messagesPerSecond} */
    public static SandboxNumber connect(Http http, String apiKey, String body) {
        var connected = http.post("/api/v1/channels", apiKey, body);
        assertThat(connected.status()).as(connected.body()).isEqualTo(201);
        var channel = connected.json();
        assertThat(channel.get("sandbox").asBoolean()).isTrue();
        return new SandboxNumber(http, apiKey, channel.get("id").asString(), channel.get("phoneNumberId").asString(),
                channel.get("wabaId").asString(), channel.get("displayPhoneNumber").asString());
    }

    /** A customer writes a text to this number, through the sandbox with the workspace's API key. */
    public String customerWritesText(String phone, String name, String text) {
        var written = http.post("/sandbox/customers/" + phone.replace("+", "%2B") + "/messages", apiKey, """
                {"to": "%s", "name": "%s", "text": "%s"}""".formatted(phoneNumberId, name, text));
        assertThat(written.status()).as(written.body()).isEqualTo(202);
        return written.json().get("wamid").asString();
    }

    /**
     * A customer sends an image to this number: the business uploads it first (so that the sandbox holds it under a
     * media id), then the customer's message names that id, as a customer's photo reaches Meta.
     *
     * @param image a JPEG's bytes; the first four are made a JPEG's magic number
     */
    public String customerWritesImage(String phone, String name, byte[] image, String caption) {
        System.arraycopy(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0}, 0, image, 0, 4);
        var uploaded = http.postFile("/api/v1/media", apiKey, "photo.jpg", "image/jpeg", image);
        assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);
        var written = http.post("/sandbox/customers/" + phone.replace("+", "%2B") + "/messages", apiKey, """
                {"to": "%s", "name": "%s", "type": "image", "image": {"id": "%s", "mime_type": "image/jpeg", "caption": "%s"}}"""
                .formatted(phoneNumberId, name, uploaded.json().get("metaMediaId").asString(), caption));
        assertThat(written.status()).as(written.body()).isEqualTo(202);
        return written.json().get("wamid").asString();
    }
}
