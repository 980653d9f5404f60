package com.maxmysales.knowledge;

import com.ibm.icu.text.Transliterator;
import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The form a customer's text is compared in: Devanagari (and any other script) written in plain Latin letters,
 * lower case, punctuation and emoji dropped. Customers write the same Hindi in Devanagari and in Latin letters
 * (Hinglish), and the embedding model was trained on English: one Latin form lets both meet the same examples.
 */
final class MatchingText {

    // A Transliterator keeps state while it runs: one per thread instead of a lock on the hot path.
    private static final ThreadLocal<Transliterator> TO_LATIN =
            ThreadLocal.withInitial(() -> Transliterator.getInstance("Any-Latin; Latin-ASCII"));
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    private MatchingText() {
    }

    static String of(String text) {
        var composed = Normalizer.normalize(text, Normalizer.Form.NFKC);
        var latin = TO_LATIN.get().transliterate(composed);
        return NOT_WORD.matcher(latin.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    }
}
