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
record KeywordSet(Map<String, String> stop, Map<String, String> start, Set<String> buttons) {

    /** Built-in words: the carriers' usual ones (Twilio, Telnyx, Braze, AWS), and Hindi and Hinglish. */
    static final Map<String, List<String>> DEFAULT_STOP = Map.of(
            "en", List.of("stop", "stopall", "unsubscribe", "cancel", "end", "quit", "optout", "revoke"),
            "hi", List.of("band karo", "bandh karo", "band kro", "band kar do", "band kardo", "बंद करो", "बंद कर दो",
                    "बंद", "रोको", "मत भेजो"));
    static final Map<String, List<String>> DEFAULT_START = Map.of(
            "en", List.of("start", "unstop", "subscribe"),
            "hi", List.of("shuru karo", "chalu karo", "शुरू करो", "चालू करो"));
    static final Set<String> DEFAULT_BUTTONS = Set.of("unsubscribe");

    /** Words a customer adds around a keyword without changing it: "STOP please", "unsubscribe thanks". */
    private static final Set<String> COURTESY = Set.of("please", "pls", "plz", "kindly", "thanks", "thank", "you",
            "thx", "ji", "sir", "madam", "now", "it", "kripya", "कृपया", "धन्यवाद");

    /** Most workspaces add no words of their own: they share one set, built once. */
    private static final KeywordSet BUILT_IN = build(List.of());

    record Entry(String language, String kind, String keyword) {}

    static KeywordSet of(List<Entry> workspaceEntries) {
        return workspaceEntries.isEmpty() ? BUILT_IN : build(workspaceEntries);
    }

    private static KeywordSet build(List<Entry> workspaceEntries) {
        var stop = new HashMap<String, String>();
        var start = new HashMap<String, String>();
        DEFAULT_STOP.forEach((language, words) -> words.forEach(word -> stop.put(key(word), language)));
        DEFAULT_START.forEach((language, words) -> words.forEach(word -> start.put(key(word), language)));
        var buttons = new java.util.HashSet<>(DEFAULT_BUTTONS);
        for (var entry : workspaceEntries) {
            switch (entry.kind()) {
                case "stop" -> stop.put(key(entry.keyword()), entry.language());
                case "start" -> start.put(key(entry.keyword()), entry.language());
                case "button" -> buttons.add(entry.keyword().strip().toLowerCase(java.util.Locale.ROOT));
                case "ignore" -> {
                    stop.remove(key(entry.keyword()));
                    start.remove(key(entry.keyword()));
                }
                default -> throw new IllegalStateException("unknown keyword kind " + entry.kind());
            }
        }
        return new KeywordSet(Map.copyOf(stop), Map.copyOf(start), Set.copyOf(buttons));
    }

    /** @param normalized the whole message as {@link Wording#normalize} made it */
    Optional<Intent> match(String normalized) {
        var words = List.of(normalized.split(" "));
        var first = 0;
        var last = words.size();
        while (first < last && COURTESY.contains(words.get(first))) {
            first++;
        }
        while (last > first && COURTESY.contains(words.get(last - 1))) {
            last--;
        }
        if (first == last) {
            return Optional.empty();
        }
        var core = String.join("", words.subList(first, last));
        if (stop.containsKey(core)) {
            return Optional.of(Intent.stop("keyword", core, stop.get(core)));
        }
        if (start.containsKey(core)) {
            return Optional.of(Intent.start("keyword", core, start.get(core)));
        }
        return Optional.empty();
    }

    boolean isUnsubscribeButton(String payload) {
        return payload != null && buttons.contains(payload.strip().toLowerCase(java.util.Locale.ROOT));
    }

    private static String key(String keyword) {
        return Wording.compact(Wording.normalize(keyword));
    }
}
