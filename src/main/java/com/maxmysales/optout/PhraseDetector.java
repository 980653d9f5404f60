package com.maxmysales.optout;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Sentences that ask the business to stop messaging, in English, Hinglish and Hindi (read in Latin letters, so
 * Devanagari meets the Hinglish rules: {@link Reading}). Three tiers:
 * <ol>
 * <li><b>Guards</b> first: a message that says the opposite or uses a stop word in another sense ("don't stop
 *     sending", "non-stop", "stop by the shop", "bus stop", "band kab hota hai", "mat band karna", a question about
 *     someone else, a STOP quoted or sent by mistake) opts nobody out and is asked nothing.</li>
 * <li><b>Certain</b> rules: a stop verb tied to the business's messages or to the person themselves ("stop
 *     sending me", "remove me from your list", "no more offers", "message mat bhejo", "list se hata do").</li>
 * <li><b>Likely</b>: annoyance that may mean "stop" ("too many messages", "not interested", a lone 🛑, "bas") gets
 *     a question with buttons, and so does a message with a stop word that no rule explains, when it reads like an
 *     opt-out to the sentence-embedding model ({@link TieBreaker}); the model never opts anyone out on its own.</li>
 * </ol>
 * A false opt-out costs a customer their offers; a missed one gets the question, or is caught by STOP and the buttons.
 */
final class PhraseDetector {

    private static final String MESSAGES = "(message|sms|texts?|whatsapps?|promotions?|promos?|offer|ads?|adverts?|"
            + "advertisements?|spam|marketing|newsletters?|broadcasts?|notifications?|updates|deals|mails?|emails?)";
    private static final String DETERMINERS = "((all|with|these|those|your|the|this|any|such|of|more|further|my|kind|"
            + "promotional|marketing|whatsapp|spam|daily|unwanted|annoying|useless|sales|offer|promo|advertising)\\s+)*";
    private static final String HINGLISH_MESSAGES = "(message|sms|offer|offers|promotions?|promos?|promotional|ads?|"
            + "whatsapp|spam|notifications?|updates)";

    private record Rule(String language, Pattern pattern) {
        Rule(String language, String regex) {
            this(language, Pattern.compile(regex));
        }
    }

    /** Say the opposite of stop, or use a stop word in another sense: these decide alone. */
    private static final List<Pattern> GUARDS = compile(
            "\\b(dont|do not|never|pls dont|please dont)\\s+(want to\\s+)?(stop|unsubscribe|remove|opt out|optout)\\b",
            "\\bnon\\s?stop\\b",
            "\\bstop\\s+(by|at|over|near|in at)\\b",
            "\\b(bus|bas|metro|train|tram|next|last|first|pit|full)\\s+stop\\b",
            "\\bstop\\s+(sign|button|batan|loss|watch|light|word|codes?)\\b",
            "\\b(cant|cannot|can not|wont|will not|couldnt|didnt|doesnt|does not|did not|never)\\s+stop\\b",
            "\\bwhy\\s+(did|has|have|hasnt|havent|didnt)\\b.*\\bstop",
            "\\b(by mistake|accidentally|mistakenly|galti se|wrongly)\\b",
            "\\b(keep me subscribed|add me back|subscribe me again|keep me on)\\b",
            "\\b(didnt|did not|never|not)\\s+(send|sent|type|typed|say|said|write|wrote|reply|replied)\\s+stop\\b",
            "\\b(?!i\\b)\\w+\\s+(says|said|say)\\s+(reply\\s+|text\\s+|send\\s+)?stop\\b",
            "\\b(reply|text|send|type)\\s+stop\\s+to\\b",
            "\\bmy\\s+(mother|mom|mum|father|dad|papa|mummy|friend|friends|son|daughter|wife|husband|brother|sister|"
                    + "parents|grandmother|grandfather|granny|colleague|boss|neighbour|neighbor|uncle|aunt|family)\\b",
            "\\b(customers|people|users|someone|somebody|anyone|he|she|him|her|his)\\b",
            "\\b(papa|mummy|maa|pitaji|bhai|bhaiya|behen|didi|dost|unko|usko|inko|uncle|aunty|beta|beti|wife|husband)\\s+ko\\b",
            "\\bnotifications?\\s+(sound|tone|ringtone|vibration)\\b",
            "\\b(mat|na|nahi)\\s+band\\b",
            "\\bband\\s+mat\\b",
            "\\bband\\s+(kab|kitne|hota|hoti|hote|hai|hain|tha|thi|rehta|rehti|rahta|rahti|rahata|rahati|ho|hua|hui|"
                    + "dikha|kyu|nahi|rahega|rahegi|he)\\b",
            "\\b(kab|kitne baje|kyu)\\s+band\\b",
            "\\bbhejte\\s+(raho|rahiye|rahna|rahe)\\b",
            "\\b(order|delivery|otp|bill|invoice|payment|tracking|parcel)\\s+(wala|wale|vala|vale|ka|ki|ke)\\s+(message|sms)\\b");

    /** A stop word whose object is a purchase, not a message: "can I stop my order?" asks about the order. */
    private static final Pattern ABOUT_AN_ORDER = Pattern.compile("\\b(stop|cancel|unsubscribe from|end|pause|hata|"
            + "remove|delete|band)\\s+(\\w+\\s+){0,3}(order|delivery|courier|payment|cheque|check|plan|trial|renewal|"
            + "subscription|membership|item|booking|service|cart|address|parcel|account|card|emi|class|course|auto|box)\\b"
            + "|\\b(order|item|cart|address|pata|parcel|booking|payment)\\b.*\\b(hata|cancel|band|remove|stop)\\b");

    /** Words of a purchase: a lone "stop" among them may be about the purchase. */
    private static final Pattern PURCHASE = Pattern.compile("\\b(paid|pay|payment|order|ordered|delivery|refund|"
            + "charged|bill|invoice|parcel|size|price)\\b");

    private static final List<Rule> CERTAIN = List.of(
            new Rule("en", "\\b(stop|quit|cease|end)\\s+(sending|messaging|texting|contacting|spamming|whatsapping|"
                    + "bothering|pinging|calling me)\\b"),
            new Rule("en", "\\bstopped\\s+(sending|messaging|texting|contacting)\\b"),
            new Rule("en", "\\b(dont|do not|never)\\s+(send|message|text|contact|whatsapp|spam|bother|ping|call)\\s+"
                    + "(me|us|this number|my number)\\b"),
            new Rule("en", "\\b(dont|do not|never)\\s+send\\s+(me\\s+|us\\s+)?" + DETERMINERS + MESSAGES + "\\b"),
            new Rule("en", "\\b(unsubscribe|opt out|optout)\\s+(me|my number|this number|us)\\b"),
            new Rule("en", "\\bopt\\s+me\\s+out\\b"),
            new Rule("en", "\\b(remove|delete|take|drop|erase)\\s+(me|my number|my name|this number|my contact|my details|us)"
                    + "\\s+(off|from|out of)\\s+((your|the|this|all|any|of|our)\\s+)*(\\w+\\s+)?(lists?|database|"
                    + "contacts?|broadcasts?|mailing|group|records|system|messages?|offer)\\b"),
            new Rule("en", "^((hi|hello|please|kindly)\\s+)*(remove|delete|take)\\s+(me|my number|my name|this number)"
                    + "(\\s+off)?(\\s+(please|now|thanks|thank you))*$"),
            new Rule("en", "\\bstop\\s+" + DETERMINERS + MESSAGES + "\\b"),
            new Rule("en", "\\bno\\s+more\\s+" + DETERMINERS + MESSAGES + "\\b"),
            new Rule("en", "\\b(unsubscribe|opt out|optout)\\s+(me\\s+)?(from|of)\\s+" + DETERMINERS + "(" + MESSAGES
                    + "|lists?|mailing list|whatsapp list|contact list|broadcast list|you|this number)\\b"),
            new Rule("en", "\\bi\\s+(dont|do not)\\s+want\\s+(to\\s+(receive|get)\\s+)?(any\\s+more\\s+)?" + DETERMINERS
                    + MESSAGES + "\\b"),
            new Rule("en", "\\b(want|like|wish|would like|d like|need)\\s+to\\s+(unsubscribe|opt out|optout)$"),
            new Rule("en", "\\bno\\s+longer\\s+(wish|want|like)\\s+to\\s+(receive|get|hear|be contacted)\\b"),
            new Rule("en", "\\b(rather|prefer)\\s+not\\s+(to\\s+)?(receive|get|be sent)\\b"),
            new Rule("en", "\\bi\\s+(already\\s+|have\\s+|ve\\s+)?(said|replied|sent|typed|wrote|told you|texted)\\s+"
                    + "(you\\s+)?stop\\b"),
            new Rule("hi", "\\b" + HINGLISH_MESSAGES + "\\s+(\\w+\\s+){0,2}(mat|na|nahi)\\s+bhej\\b"),
            new Rule("hi", "^((ab|please|bhai|ji|yaar|aage se)\\s+)*(mat|na)\\s+bhej(\\s+(ab|please|yaar|ji|bhai))*$"),
            new Rule("hi", "\\b(ab|aage se|abse|ab se|kabhi|dobara|phir se)\\s+(\\w+\\s+){0,3}(mat|na)\\s+bhej\\b"),
            new Rule("hi", "\\b" + HINGLISH_MESSAGES + "\\s+(\\w+\\s+){0,2}band\\s+(karo|kar)\\b"),
            new Rule("hi", "\\bband\\s+(karo|kar do|kar)\\s+(\\w+\\s+){0,3}" + HINGLISH_MESSAGES + "\\b"),
            new Rule("hi", "\\b" + HINGLISH_MESSAGES + "\\s+(\\w+\\s+){0,2}nahi\\s+chahiye\\b"),
            new Rule("hi", "\\blist\\s+se\\s+(\\w+\\s+){0,3}(hata|nikal)\\b"),
            new Rule("hi", "\\b(mera number|mera naam|mera no|mera contact)\\s+(\\w+\\s+){0,3}(hata|nikal|delete|remove)\\b"),
            new Rule("hi", "\\b(message|sms|spam|call|whatsapp|msg)\\s+(mat|na)\\s+(karo|kar)\\b"),
            new Rule("hi", "\\bmujhe\\s+((isse|yahan se|isme se|is list se|group se|list se)\\s+)?(hata|nikal)\\b"),
            new Rule("hi", "\\b(stop|unsubscribe|optout)\\s+(kar|karo)\\b"),
            new Rule("hi", "\\bbas\\s+karo\\s+(\\w+\\s+){0,2}(" + HINGLISH_MESSAGES + "|bhej)\\b"));

    /** Annoyance that may well mean "stop", and may not: asked, never acted on. */
    private static final List<Rule> LIKELY = List.of(
            new Rule("en", "\\btoo\\s+many\\s+" + DETERMINERS + MESSAGES + "\\b"),
            new Rule("en", "\\bwhy\\s+(do|does)\\s+(you|your \\w+)\\s+keep\\s+(messaging|sending|texting|spamming|"
                    + "bothering)\\b"),
            new Rule("en", "^((this is|its|thats|that is|all)\\s+)?(spam|spamming)(\\s+again)?$"),
            new Rule("en", "^((i am|im|not|no|enough|please)\\s+)*(not interested|enough|enough now|leave me alone)"
                    + "(\\s+(please|now|thanks|thank you))*$"),
            new Rule("en", "\\b(who gave you my number|never signed up|didnt sign up|did not sign up|never subscribed|"
                    + "never asked for)\\b"),
            new Rule("en", "\\b(reduce|fewer|less)\\s+(the\\s+)?" + DETERMINERS + MESSAGES + "\\b"),
            new Rule("en", "\\b" + MESSAGES + "\\s+(are|is)\\s+(so\\s+|very\\s+|really\\s+)?(annoying|irritating|"
                    + "too much|spam|useless)\\b"),
            new Rule("hi", "^((mujhe|ab|bhai|yaar)\\s+)*(bas|bas karo|nahi chahiye|bas bhai)(\\s+(yaar|bhai|ji))*$"),
            new Rule("hi", "\\b(kitne|itne|roz roz|roj roj|bar bar|baar baar)\\s+(\\w+\\s+)?" + HINGLISH_MESSAGES + "\\b"));

    /**
     * Words every rule needs one of, alone or as a pair: a message with none of them, nearly every message, is ruled
     * out by a lookup per word instead of the patterns. Everyday words ("do", "no", "message", "keep") count only
     * in the pair a rule needs ("do not", "no more", "mat bhej", "keep messaging"). A rule added with new words
     * needs them here, or its own tests fail.
     */
    private static final Set<String> TRIGGERS = Set.of("stop", "stopped", "quit", "cease", "unsubscribe", "opt",
            "optout", "remove", "delete", "erase", "spam", "spamming", "interested", "enough", "leave", "gave", "signed",
            "sign", "subscribed", "reduce", "fewer", "longer", "rather", "prefer", "band", "hata", "nikal", "bas",
            "chahiye", "mat", "kitne", "itne", "roz", "roj", "baar", "roko", "annoying", "irritating");
    private static final Set<String> PAIRS = Set.of("dont send", "dont message", "dont text", "dont contact",
            "dont whatsapp", "dont spam", "dont bother", "dont ping", "dont call", "dont want", "not send", "not message",
            "not text", "not contact", "not whatsapp", "not bother", "not call", "not want", "never send",
            "never message", "never text", "never contact", "never asked", "no more", "too many", "less message",
            "less offer", "keep messaging", "keep sending", "keep texting", "keep spamming", "keep bothering", "take me",
            "take my", "take this", "drop me", "drop my", "end sending", "end messaging", "na bhej", "nahi bhej",
            "bar bar");
    private static final Set<String> PAIR_STARTS = Set.of("dont", "not", "never", "no", "too", "less", "keep", "take",
            "drop", "end", "na", "nahi", "bar");

    /** Words that make a message worth the embedding model's opinion when no rule decided. */
    private static final Set<String> CUES = Set.of("stop", "unsubscribe", "optout", "spam", "band", "hata", "nikal",
            "roko", "enough", "bas", "annoying", "irritating", "remove");

    private PhraseDetector() {
    }

    /** A flagged message the rules could not decide: does it read like an opt-out? Called for few messages. */
    interface TieBreaker {
        boolean readsLikeAnOptOut(String words);
    }

    static Optional<Intent> detect(Reading reading, TieBreaker tieBreaker) {
        var words = reading.words();
        if (!mayAskToStop(words)) {
            return reading.stopSign() && words.isEmpty() ? Optional.of(Intent.likelyStop("sign", "🛑", "en"))
                    : Optional.empty();
        }
        for (var guard : GUARDS) {
            if (guard.matcher(words).find()) {
                return Optional.empty();
            }
        }
        for (var rule : CERTAIN) {
            var match = rule.pattern().matcher(words);
            if (match.find()) {
                return Optional.of(Intent.stop("phrase", match.group(), language(reading, rule)));
            }
        }
        for (var sentence : reading.sentences()) {
            if (KeywordSet.isStopSentence(sentence)) {
                // "STOP. Not interested" stops; "Stop! I think I paid twice" is about a payment: asked, not acted on.
                return Optional.of(ABOUT_AN_ORDER.matcher(words).find() || PURCHASE.matcher(words).find()
                        ? Intent.likelyStop("phrase", sentence, reading.devanagari() ? "hi" : "en")
                        : Intent.stop("phrase", sentence, reading.devanagari() ? "hi" : "en"));
            }
        }
        for (var rule : LIKELY) {
            var match = rule.pattern().matcher(words);
            if (match.find()) {
                return Optional.of(Intent.likelyStop("phrase", match.group(), language(reading, rule)));
            }
        }
        if (hasCue(words) && !ABOUT_AN_ORDER.matcher(words).find() && tieBreaker.readsLikeAnOptOut(words)) {
            return Optional.of(Intent.likelyStop("similar", words, reading.devanagari() ? "hi" : "en"));
        }
        return Optional.empty();
    }

    private static String language(Reading reading, Rule rule) {
        return reading.devanagari() ? "hi" : rule.language();
    }

    /** Splits by hand: a regular expression's split would cost more than the lookups on every inbound message. */
    private static boolean mayAskToStop(String words) {
        var start = 0;
        String previous = null;
        while (start < words.length()) {
            var end = words.indexOf(' ', start);
            if (end < 0) {
                end = words.length();
            }
            var word = words.substring(start, end);
            if (TRIGGERS.contains(word) || (previous != null && PAIR_STARTS.contains(previous)
                    && PAIRS.contains(previous + " " + word))) {
                return true;
            }
            previous = word;
            start = end + 1;
        }
        return false;
    }

    private static boolean hasCue(String words) {
        return anyWordIn(words, CUES);
    }

    private static boolean anyWordIn(String words, Set<String> set) {
        var start = 0;
        while (start < words.length()) {
            var end = words.indexOf(' ', start);
            if (end < 0) {
                end = words.length();
            }
            if (set.contains(words.substring(start, end))) {
                return true;
            }
            start = end + 1;
        }
        return false;
    }

    private static List<Pattern> compile(String... regexes) {
        return java.util.Arrays.stream(regexes).map(Pattern::compile).toList();
    }
}
