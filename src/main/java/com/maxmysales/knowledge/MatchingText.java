package com.maxmysales.knowledge;

import com.ibm.icu.text.Transliterator;
import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The form a customer's text is compared in: Devanagari written as Hinglish is ({@link DevanagariRomaniser}), any
 * other script in plain Latin letters (ICU {@code Any-Latin; Latin-ASCII}), lower case, punctuation and emoji
 * dropped, and Hinglish words glossed in English ({@link HinglishText}). Customers write the same Hindi in
 * Devanagari and in Latin letters, and the embedding model was trained on English: one form lets all meet.
 */
final class MatchingText {

    // A Transliterator keeps state while it runs: one per thread instead of a lock on the hot path.
    private static final ThreadLocal<Transliterator> TO_LATIN =
            ThreadLocal.withInitial(() -> Transliterator.getInstance("Any-Latin; Latin-ASCII"));
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    private MatchingText() {
    }

    static String of(String text) {
        return HinglishText.glossed(latin(text));
    }

    /** Lower-case Latin words, before glossing. */
    static String latin(String text) {
        var composed = Normalizer.normalize(text, Normalizer.Form.NFC);
        var romanised = DevanagariRomaniser.romanise(composed);
        var latin = TO_LATIN.get().transliterate(Normalizer.normalize(romanised, Normalizer.Form.NFKC));
        return NOT_WORD.matcher(latin.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    }
}
