package com.maxmysales.optout;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Sentences that ask the business to stop messaging, in English, Hinglish and Hindi. Careful by design: a
 * pattern fires only when a stop verb is tied to the business's messages or to the person themselves
 * ("stop sending me", "remove me from your list", "no more offers"), so "cancel my order 123", "when does
 * the bus stop near your shop" and "how do I unsubscribe from the premium plan" opt nobody out. A false
 * opt-out costs a customer their offers; a missed one is still caught by STOP and the buttons.
 */
final class PhraseDetector {

    private static final String MESSAGES = "(messages?|msgs?|texts?|sms|whatsapps?|promotions?|promos?|offers?|ads|"
            + "adverts?|advertisements?|spam|marketing|newsletters?|broadcasts?|notifications?|updates|deals)";
    private static final String DETERMINERS = "((all|these|those|your|the|this|any|such|of|more|further)\\s+)*";

    private record Rule(String language, Pattern pattern) {
        Rule(String language, String regex) {
            this(language, Pattern.compile(regex, Pattern.UNICODE_CHARACTER_CLASS));
        }
    }

    private static final List<Rule> RULES = List.of(
            new Rule("en", "\\b(stop|quit|cease|end)\\s+(sending|messaging|texting|contacting|spamming|whatsapping|bothering|pinging)\\b"),
            new Rule("en", "\\b(dont|do not|never)\\s+(send|message|text|contact|whatsapp|spam|bother|ping)\\s+(me|us|this number)\\b"),
            new Rule("en", "\\b(dont|do not|never)\\s+send\\s+" + DETERMINERS + MESSAGES + "\\b"),
            new Rule("en", "\\b(unsubscribe|opt out)\\s+(me|my number|this number)\\b"),
            new Rule("en", "\\b(remove|delete|take)\\s+(me|my number|this number)\\s+(off|from)\\s+(your|the|this|all)\\s+"
                    + "(lists?|database|contacts|broadcasts?|mailing|group)"),
            new Rule("en", "\\bstop\\s+" + DETERMINERS + MESSAGES + "\\b"),
            new Rule("en", "\\bno\\s+more\\s+" + MESSAGES + "\\b"),
            new Rule("en", "\\b(unsubscribe|opt out)\\s+(me\\s+)?from\\s+" + DETERMINERS + "(" + MESSAGES + "|list|mailing list|whatsapp list)\\b"),
            new Rule("en", "\\bi\\s+(dont|do not)\\s+want\\s+(to\\s+(receive|get)\\s+)?" + DETERMINERS + MESSAGES + "\\b"),
            new Rule("en", "\\b(want|like|wish|would like)\\s+to\\s+(unsubscribe|opt out)$"),
            new Rule("hi", "\\b(message|messages|msg|msgs|sms|msj)\\s+(mat|na|nahi|mt)\\s+(bhejo|bhejiye|bhejna|bhejo na|karo)\\b"),
            new Rule("hi", "\\b(message|messages|msg|msgs|sms)\\s+(band|bandh)\\s+(karo|kro|kijiye|kar do|kardo)\\b"),
            new Rule("hi", "(मैसेज|मेसेज|संदेश|मेसेज़)\\s*(मत|ना|न)\\s*(भेजो|भेजें|भेजिए|भेजना)"),
            new Rule("hi", "(मैसेज|मेसेज|संदेश)\\s*(भेजना\\s*)?बंद\\s*(करो|करें|कीजिए|कर दो|करिए)"));

    /**
     * A word every English and Hinglish rule starts from, and the words for "message" the Hindi rules need: a
     * message with none of them, nearly every message, is ruled out by a lookup per word instead of the patterns.
     * A rule added with a new starting word needs it here, or its own tests fail.
     */
    private static final Set<String> TRIGGERS = Set.of("stop", "quit", "cease", "end", "dont", "do", "never",
            "unsubscribe", "opt", "remove", "delete", "take", "no", "want", "like", "wish", "message", "messages", "msg",
            "msgs", "sms", "msj");
    private static final List<String> HINDI_TRIGGERS = List.of("मैसेज", "मेसेज", "संदेश");

    /** "Don't stop sending me offers" is the opposite of an opt-out. */
    private static final Pattern KEEP_SENDING = Pattern.compile("\\b(dont|do not|never|please dont)\\s+stop\\b");

    private PhraseDetector() {
    }

    /** @param normalized the message as {@link Wording#normalize} made it */
    static Optional<Intent> detect(String normalized) {
        if (!mayAskToStop(normalized) || KEEP_SENDING.matcher(normalized).find()) {
            return Optional.empty();
        }
        for (var rule : RULES) {
            var match = rule.pattern().matcher(normalized);
            if (match.find()) {
                return Optional.of(Intent.stop("phrase", match.group(), rule.language()));
            }
        }
        return Optional.empty();
    }

    private static boolean mayAskToStop(String normalized) {
        for (var word : normalized.split(" ")) {
            if (TRIGGERS.contains(word)) {
                return true;
            }
        }
        return HINDI_TRIGGERS.stream().anyMatch(normalized::contains);
    }
}
