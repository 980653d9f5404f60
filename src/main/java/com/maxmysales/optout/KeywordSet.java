package com.maxmysales.optout;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The single words (or short word groups) that opt a workspace's contacts out or back in, per language:
 * the built-in ones, plus the workspace's own, minus those it chose to ignore; and the quick-reply button
 * payloads that mean "unsubscribe". A keyword matches only the whole message (politeness aside), the way
 * carriers treat STOP: "cancel my order 123" is not CANCEL.
 */
record KeywordSet(Map<String, String> stop, Map<String, String> start, Set<String> buttons, Set<String> ignored) {

    /** Built-in words: the carriers' usual ones (Twilio, Telnyx, Braze, AWS), and Hindi and Hinglish. */
    static final Map<String, List<String>> DEFAULT_STOP = Map.of(
            "en", List.of("stop", "stopall", "unsubscribe", "cancel", "end", "quit", "optout", "revoke"),
            "hi", List.of("band karo", "bandh karo", "band kro", "band kar do", "band kardo", "बंद करो", "बंद कर दो",
                    "बंद", "रोको", "रोकें", "रोक दो", "मत भेजो", "स्टॉप", "अनसब्सक्राइब", "roko", "rok do"));
    static final Map<String, List<String>> DEFAULT_START = Map.of(
            "en", List.of("start", "unstop", "subscribe"),
            "hi", List.of("shuru karo", "chalu karo", "शुरू करो", "चालू करो"));
    static final Set<String> DEFAULT_BUTTONS = Set.of("unsubscribe");

    /** Words a customer adds around a keyword without changing it: "STOP please", "unsubscribe thanks". */
    private static final Set<String> COURTESY = Set.of("please", "pls", "plz", "kindly", "thanks", "thank", "you",
            "thx", "ji", "sir", "madam", "now", "it", "kripya", "कृपया", "धन्यवाद", "dhanyavad", "hi", "hello", "dear",
            "team", "ok", "okay", "yaar", "bhai", "ab");

    /** Keywords that also stop as a sentence of a longer message: "Not interested. STOP", "... stop it". */
    private static final Set<String> SENTENCE_STOPS = Set.of("stop", "stopall", "unsubscribe", "optout");

    /** Most workspaces add no words of their own: they share one set, built once. */
    private static final KeywordSet BUILT_IN = build(List.of());

    record Entry(String language, String kind, String keyword) {}

    static KeywordSet of(List<Entry> workspaceEntries) {
        return workspaceEntries.isEmpty() ? BUILT_IN : build(workspaceEntries);
    }

    private static KeywordSet build(List<Entry> workspaceEntries) {
        var stop = new HashMap<String, String>();
        var start = new HashMap<String, String>();
        DEFAULT_STOP.forEach((language, words) -> words.forEach(word -> putAll(stop, word, language)));
        DEFAULT_START.forEach((language, words) -> words.forEach(word -> putAll(start, word, language)));
        var buttons = new java.util.HashSet<>(DEFAULT_BUTTONS);
        var ignored = new java.util.HashSet<String>();
        for (var entry : workspaceEntries) {
            switch (entry.kind()) {
                case "stop" -> putAll(stop, entry.keyword(), entry.language());
                case "start" -> putAll(start, entry.keyword(), entry.language());
                case "button" -> buttons.add(entry.keyword().strip().toLowerCase(java.util.Locale.ROOT));
                case "ignore" -> {
                    keys(entry.keyword()).forEach(stop::remove);
                    keys(entry.keyword()).forEach(start::remove);
                    ignored.addAll(keys(entry.keyword()));
                }
                default -> throw new IllegalStateException("unknown keyword kind " + entry.kind());
            }
        }
        return new KeywordSet(Map.copyOf(stop), Map.copyOf(start), Set.copyOf(buttons), Set.copyOf(ignored));
    }

    /**
     * @param normalized the whole message as {@link Wording#normalize} made it, or its words in one spelling
     *                   ({@link Reading#words()}): "स्टॉप", "stoooop" and "unsub" are STOP
     */
    Optional<Intent> match(String normalized) {
        var core = core(normalized);
        if (core.isEmpty()) {
            return Optional.empty();
        }
        if (stop.containsKey(core)) {
            return Optional.of(Intent.stop("keyword", core, stop.get(core)));
        }
        if (start.containsKey(core)) {
            return Optional.of(Intent.start("keyword", core, start.get(core)));
        }
        return Optional.empty();
    }

    /** A word the workspace chose to ignore, alone: no sentence rule or model second-guesses that choice. */
    boolean isIgnored(String normalized) {
        return !ignored.isEmpty() && ignored.contains(core(normalized));
    }

    /** @param sentence one sentence of a message, in one spelling ({@link Reading#sentences()}) */
    static boolean isStopSentence(String sentence) {
        return SENTENCE_STOPS.contains(core(sentence));
    }

    /** The message without the courtesy around it, compacted, a word said again and again said once. */
    private static String core(String normalized) {
        var words = normalized.split(" ");
        var first = 0;
        var last = words.length;
        while (first < last && COURTESY.contains(words[first])) {
            first++;
        }
        while (last > first && COURTESY.contains(words[last - 1])) {
            last--;
        }
        if (first == last) {
            return "";
        }
        var repeated = true;
        for (int i = first + 1; i < last && repeated; i++) {
            repeated = words[i].equals(words[first]);
        }
        if (repeated) {
            return words[first];
        }
        var core = new StringBuilder(normalized.length());
        for (int i = first; i < last; i++) {
            core.append(words[i]);
        }
        return core.toString();
    }

    boolean isUnsubscribeButton(String payload) {
        return payload != null && buttons.contains(payload.strip().toLowerCase(java.util.Locale.ROOT));
    }

    private static void putAll(Map<String, String> words, String keyword, String language) {
        keys(keyword).forEach(key -> words.put(key, language));
    }

    /**
     * A keyword as written, and a Latin one in one spelling ({@link Reading#spelled}: "band kro" is "band karo").
     * A Devanagari keyword keeps its own script only: romanised, "बंद" would make the English "band" a STOP.
     */
    private static List<String> keys(String keyword) {
        var normalized = Wording.normalize(keyword);
        var written = Wording.compact(normalized);
        var spelled = Wording.compact(Reading.spelled(normalized));
        return Wording.isDevanagari(normalized) || spelled.equals(written) ? List.of(written) : List.of(written, spelled);
    }
}
