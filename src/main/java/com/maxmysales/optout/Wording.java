package com.maxmysales.optout;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

import com.ibm.icu.text.Transliterator;

/**
 * Text as the detectors compare it: Unicode-normalised, lower case, with punctuation, symbols and emoji
 * gone and spaces collapsed, so "STOP!!! 🛑", "stop." and " Stop " are one word and "don’t" is "dont".
 */
final class Wording {

    private static final Pattern NOT_A_WORD = Pattern.compile("[^\\p{L}\\p{M}\\p{N}\\s]");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    /**
     * ISO 15919 romanisation folded to ASCII: "मैसेज मत भेजो" becomes "maiseja mata bhejo", which {@link #latin}
     * turns into Hinglish as people type it. Built once (it compiles rules); not thread-safe, so used under its lock.
     */
    private static final Transliterator DEVANAGARI_TO_LATIN = Transliterator.getInstance("Devanagari-Latin; Latin-ASCII");

    static final int ROMANISED_WORDS = 20_000;
    private static final java.util.concurrent.ConcurrentHashMap<String, String> ROMANISED =
            new java.util.concurrent.ConcurrentHashMap<>();

    private Wording() {
    }

    static String normalize(String text) {
        if (text == null) {
            return "";
        }
        // Emoji variation selectors and joiners are marks, which would otherwise stay as a "word": "unsub 🙅‍♂️".
        var folded = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT)
                .replace("'", "").replace("’", "").replace("\uFE0F", "").replace("\uFE0E", "").replace("\u200D", "");
        return SPACES.matcher(NOT_A_WORD.matcher(folded).replaceAll(" ")).replaceAll(" ").strip();
    }

    /** "opt out", "opt-out" and "optout" are one keyword; so are "stop all" and "stopall". */
    static String compact(String normalized) {
        return normalized.replace(" ", "");
    }

    /**
     * One normalised word in Latin letters, with letters typed three times or more once ("stoooop" is "stop"):
     * a Devanagari word is romanised, and the vowel Hindi does not pronounce at a word's end dropped ("मत" is
     * "mat", not "mata"), so Hindi and Hinglish meet the same rules.
     */
    static String latin(String word) {
        return withoutTripledLetters(isDevanagari(word) ? romanised(word) : word);
    }

    /**
     * ICU takes tens of microseconds a word, and Hindi customers use a few thousand words: each is romanised
     * once, up to {@link #ROMANISED_WORDS} words (beyond, they are romanised each time rather than held forever).
     */
    private static String romanised(String word) {
        var known = ROMANISED.get(word);
        if (known != null) {
            return known;
        }
        String latin;
        synchronized (DEVANAGARI_TO_LATIN) {
            latin = DEVANAGARI_TO_LATIN.transliterate(word);
        }
        latin = latin.replace("'", "").replace("~", "");
        if (endsInConsonant(word) && latin.length() > 2 && latin.endsWith("a")) {
            latin = latin.substring(0, latin.length() - 1);
        }
        if (ROMANISED.size() < ROMANISED_WORDS) {
            ROMANISED.put(word, latin);
        }
        return latin;
    }

    /** Loops, not a regular expression: this runs on every word of every inbound message. */
    private static String withoutTripledLetters(String word) {
        if (!hasTripledLetter(word)) {
            return word;
        }
        var out = new StringBuilder(word.length());
        var i = 0;
        while (i < word.length()) {
            var c = word.charAt(i);
            var run = 1;
            while (i + run < word.length() && word.charAt(i + run) == c) {
                run++;
            }
            if (run >= 3 && Character.isLetter(c)) {
                out.append(c);
            } else {
                out.append(word, i, i + run);
            }
            i += run;
        }
        return out.toString();
    }

    private static boolean hasTripledLetter(String word) {
        for (int i = 2; i < word.length(); i++) {
            var c = word.charAt(i);
            if (c == word.charAt(i - 1) && c == word.charAt(i - 2) && Character.isLetter(c)) {
                return true;
            }
        }
        return false;
    }

    static boolean isDevanagari(String word) {
        for (int i = 0; i < word.length(); i++) {
            var c = word.charAt(i);
            if (c >= '\u0900' && c <= '\u097F') {
                return true;
            }
        }
        return false;
    }

    /** A consonant (or a nukta on one) last: the word ends in the inherent vowel, which is not pronounced. */
    private static boolean endsInConsonant(String word) {
        var last = word.charAt(word.length() - 1);
        if (last == '\u093C' && word.length() > 1) {
            last = word.charAt(word.length() - 2);
        }
        return (last >= '\u0915' && last <= '\u0939') || (last >= '\u0958' && last <= '\u095F');
    }
}
