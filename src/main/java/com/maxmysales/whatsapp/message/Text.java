package com.maxmysales.whatsapp.message;

/** @param previewUrl whether WhatsApp shows a preview of the first link in the body */
public record Text(String body, boolean previewUrl) implements WhatsAppMessage {

    public static final int MAX_LENGTH = 4096;

    public Text {
        InvalidMessage.require(body != null && !body.isBlank(), "text must not be empty");
        InvalidMessage.require(body.length() <= MAX_LENGTH, "text is limited to " + MAX_LENGTH + " characters");
    }

    public static Text of(String body) {
        return new Text(body, false);
    }

    @Override
    public String type() {
        return "text";
    }

    @Override
    public String preview() {
        return body;
    }
}
