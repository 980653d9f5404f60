package com.maxmysales.optout;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Text as the detectors compare it: Unicode-normalised, lower case, with punctuation, symbols and emoji
 * gone and spaces collapsed, so "STOP!!! 🛑", "stop." and " Stop " are one word and "don’t" is "dont".
 */
final class Wording {

    private static final Pattern NOT_A_WORD = Pattern.compile("[^\\p{L}\\p{M}\\p{N}\\s]");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private Wording() {
    }

    static String normalize(String text) {
        if (text == null) {
            return "";
        }
        var folded = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT)
                .replace("'", "").replace("’", "");
        return SPACES.matcher(NOT_A_WORD.matcher(folded).replaceAll(" ")).replaceAll(" ").strip();
    }

    /** "opt out", "opt-out" and "optout" are one keyword; so are "stop all" and "stopall". */
    static String compact(String normalized) {
        return normalized.replace(" ", "");
    }
}
