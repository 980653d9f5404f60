package com.maxmysales.optout;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A customer's message as the detector reads it: {@code normalized} ({@link Wording#normalize}), and its
 * {@code words} in one spelling each, in Latin letters ({@link Wording#latin}, {@link Spelling}) joined by single
 * spaces; its {@link #sentences()} on demand, since the few messages with a stop word need them.
 *
 * @param text the message as the customer wrote it
 * @param devanagari whether the customer wrote in Devanagari, which decides the language of the answer
 * @param stopSign whether it carries a stop sign, a no-entry sign or a raised hand
 */
record Reading(String text, String normalized, String words, boolean devanagari, boolean stopSign) {

    private static final Pattern SENTENCE_END = Pattern.compile("[.!?,;:\\n।]+");
    private static final List<String> STOP_SIGNS = List.of("🛑", "🚫", "⛔", "✋", "🙅");

    static Reading of(String text) {
        var normalized = Wording.normalize(text);
        var stopSign = false;
        for (var sign : STOP_SIGNS) {
            stopSign |= text.contains(sign);
        }
        return new Reading(text, normalized, spelled(normalized), Wording.isDevanagari(normalized), stopSign);
    }

    /** The words of each sentence, split where the customer put a full stop, comma or question mark. */
    List<String> sentences() {
        var sentences = new ArrayList<String>();
        for (var sentence : SENTENCE_END.split(text)) {
            var words = spelled(Wording.normalize(sentence));
            if (!words.isEmpty()) {
                sentences.add(words);
            }
        }
        return sentences;
    }

    /** @return the normalised words in one spelling each */
    static String spelled(String normalized) {
        if (normalized.isEmpty()) {
            return normalized;
        }
        var out = new StringBuilder(normalized.length() + 8);
        String previous = null;
        for (var word : normalized.split(" ")) {
            var spelled = Spelling.of(Wording.latin(word));
            if ("opt".equals(previous) && (spelled.equals("ot") || spelled.equals("oot") || spelled.equals("aut"))) {
                spelled = "out";
            }
            if (!out.isEmpty()) {
                out.append(' ');
            }
            out.append(spelled);
            previous = spelled;
        }
        return out.toString();
    }
}
