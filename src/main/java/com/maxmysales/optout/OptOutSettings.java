package com.maxmysales.optout;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param stopReply the confirmation after an opt-out, per language (falls back to {@code en}); {@code {business}} is the workspace's name
 * @param startReply the confirmation after START
 * @param question what a customer whose message was likely an opt-out is asked, per language, above the buttons
 *                 "Stop offers" and "Keep them"
 * @param mail the "Unsubscribe" mailbox; off while {@code mail.imap-host} is empty
 */
@ConfigurationProperties("maxmysales.optout")
public record OptOutSettings(Map<String, String> stopReply, Map<String, String> startReply,
        Map<String, String> question, @DefaultValue Mail mail) {

    static final Map<String, String> STOP_REPLIES = Map.of(
            "en", "You will no longer get marketing messages from {business}. Reply START to subscribe again.",
            "hi", "अब आपको {business} से मार्केटिंग संदेश नहीं मिलेंगे। दोबारा जुड़ने के लिए START लिखें।");
    static final Map<String, String> START_REPLIES = Map.of(
            "en", "You are subscribed again to messages from {business}. Reply STOP at any time to opt out.",
            "hi", "आप {business} के संदेशों से फिर जुड़ गए हैं। कभी भी STOP लिखकर बंद करें।");

    static final Map<String, String> QUESTIONS = Map.of(
            "en", "Would you like to stop getting offers and updates from {business}? You can still write to us any time.",
            "hi", "क्या आप {business} से ऑफ़र और अपडेट पाना बंद करना चाहते हैं? आप हमें कभी भी लिख सकते हैं।");

    public OptOutSettings {
        stopReply = merged(STOP_REPLIES, stopReply);
        startReply = merged(START_REPLIES, startReply);
        question = merged(QUESTIONS, question);
    }

    String question(String language, String business) {
        return question.getOrDefault(language, question.get("en")).replace("{business}", business);
    }

    String reply(Intent.Kind kind, String language, String business) {
        var replies = kind == Intent.Kind.STOP ? stopReply : startReply;
        return replies.getOrDefault(language, replies.get("en")).replace("{business}", business);
    }

    private static Map<String, String> merged(Map<String, String> defaults, Map<String, String> configured) {
        var all = new java.util.HashMap<>(defaults);
        if (configured != null) {
            all.putAll(configured);
        }
        return Map.copyOf(all);
    }

    /**
     * @param imapHost the operator's mailbox server; empty turns email opt-out off
     * @param imapProtocol {@code imaps} (TLS) or {@code imap}
     * @param folder the folder polled for "Unsubscribe" mails
     * @param smtpHost where confirmations are sent through (defaults to the IMAP host)
     * @param from the confirmations' sender address
     * @param pollInterval how often the mailbox is read
     * @param zone the operator's time zone, in which business days are counted
     * @param holidays days that are not business days, besides Saturdays and Sundays
     * @param reviewWorkspace the workspace whose review queue gets requests that match no contact; when
     *                        unset they stay flagged in the mailbox for the operator
     */
    public record Mail(@DefaultValue("") String imapHost, @DefaultValue("993") int imapPort,
            @DefaultValue("imaps") String imapProtocol, @DefaultValue("") String username,
            @DefaultValue("") String password, @DefaultValue("INBOX") String folder, @DefaultValue("") String smtpHost,
            @DefaultValue("587") int smtpPort, @DefaultValue("true") boolean smtpStarttls,
            @DefaultValue("") String from, @DefaultValue("PT1M") Duration pollInterval,
            @DefaultValue("Asia/Kolkata") ZoneId zone, @DefaultValue List<LocalDate> holidays,
            @DefaultValue("") String reviewWorkspace) {

        public Mail {
            if (!reviewWorkspace.isBlank()) {
                try {
                    java.util.UUID.fromString(reviewWorkspace.strip());
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("maxmysales.optout.mail.review-workspace must be a workspace id");
                }
            }
        }

        boolean enabled() {
            return !imapHost.isBlank();
        }
    }
}
