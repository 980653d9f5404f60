package com.maxmysales.contacts;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;

/**
 * Reads a list's consent column, which businesses often keep as a yes/no answer ("WhatsApp opt-in: No") rather
 * than as how consent was obtained. A "no" in any usual spelling is a refusal, never a basis: marketing goes only
 * to people who said yes (P2), whatever default basis the import was given.
 */
final class ConsentAnswers {

    private static final Set<String> REFUSALS = Set.of("no", "n", "false", "f", "0", "none", "nil", "nahi", "nahin",
            "na", "नहीं", "नही", "declined", "refused", "denied", "optedout", "optout", "unsubscribed", "notconsented",
            "noconsent", "notagreed", "disagree", "withdrawn", "stop");

    private ConsentAnswers() {
    }

    static boolean isRefusal(String cell) {
        var word = Normalizer.normalize(cell, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT)
                .replaceAll("[\\s\\p{Punct}]", "");
        return REFUSALS.contains(word);
    }
}
