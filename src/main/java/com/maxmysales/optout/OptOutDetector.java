package com.maxmysales.optout;

import java.util.Optional;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a customer's WhatsApp message asks for: a quick-reply button whose payload is configured as
 * "unsubscribe", or the answer to the question a likely opt-out got ({@link OptOutQuestions}); then a
 * whole-message keyword (STOP, START and the workspace's words, as written or in one spelling: "स्टॉप", "stooop",
 * "unsub"), then a sentence ({@link PhraseDetector}).
 */
final class OptOutDetector {

    private OptOutDetector() {
    }

    /**
     * @param type Meta's message type
     * @param payload the type's object as JSON ({@code button.payload}, {@code interactive.button_reply.id})
     */
    static Optional<Intent> detect(KeywordSet keywords, String type, String text, String payload, JsonMapper json,
            PhraseDetector.TieBreaker tieBreaker) {
        var buttonPayload = buttonPayload(type, payload, json);
        if (buttonPayload != null && keywords.isUnsubscribeButton(buttonPayload)) {
            return Optional.of(Intent.stop("button", buttonPayload, "en"));
        }
        if (OptOutQuestions.isAnswer(buttonPayload)) {
            return OptOutQuestions.answer(buttonPayload);
        }
        if (text == null || !("text".equals(type) || "button".equals(type) || "interactive".equals(type))) {
            return Optional.empty();
        }
        var reading = Reading.of(text);
        var keyword = keywords.match(reading.normalized());
        if (keyword.isEmpty() && !reading.words().equals(reading.normalized())) {
            keyword = keywords.match(reading.words());
        }
        if (keyword.isPresent() || keywords.isIgnored(reading.normalized()) || keywords.isIgnored(reading.words())) {
            return keyword;
        }
        return PhraseDetector.detect(reading, tieBreaker);
    }

    private static String buttonPayload(String type, String payload, JsonMapper json) {
        // Parsed only for the two types that carry a button: every text message has a payload too.
        if (payload == null || !("button".equals(type) || "interactive".equals(type))) {
            return null;
        }
        JsonNode content;
        try {
            content = json.readTree(payload);
        } catch (RuntimeException notJson) {
            return null;
        }
        if ("button".equals(type)) {
            return content.path("payload").asString(null);
        }
        if ("interactive".equals(type)) {
            return content.path("button_reply").path("id").asString(null);
        }
        return null;
    }
}
