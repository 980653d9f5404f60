package com.maxmysales.knowledge;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Hinglish as the embedding model can read it. The model knows English only; customers write Hindi in Latin
 * letters with no fixed spelling ("nahi", "nahin", "nai"). Each word is reduced to a spelling key (one letter per
 * sound) and, when the key is a word of the glossary, replaced by its English: "refund kab milega" is embedded as
 * "refund when get available". English loanwords are listed as Hindi spells them in Devanagari ("ऑर्डर" is read as
 * "ordar", glossed "order"); others spelt from Devanagari ("dilivari") are found by their consonants.
 */
final class HinglishText {

    private static final Map<String, String> GLOSSES = new HashMap<>();
    private static final Map<String, String> BY_CONSONANTS = new HashMap<>();

    static {
        var ambiguous = new HashSet<String>();
        var stream = Objects.requireNonNull(HinglishText.class.getClassLoader()
                .getResourceAsStream("knowledge/hinglish-glossary.txt"));
        try (var reader = new java.io.BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                var parts = line.split("=", 2);
                var gloss = parts[1].strip();
                for (var spelling : parts[0].strip().split("\\s+")) {
                    // A loanword is listed as Hindi spells it in Devanagari, read as the customer's text will be.
                    var key = key(DevanagariRomaniser.romanise(spelling));
                    GLOSSES.putIfAbsent(key, gloss);
                    var consonants = consonants(key);
                    // Three consonants matched unrelated words ("sakte" as shikayat, "chhutti" as chhota).
                    if (key.length() >= 5 && consonants.length() >= 4) {
                        var earlier = BY_CONSONANTS.putIfAbsent(consonants, gloss);
                        if (earlier != null && !earlier.equals(gloss)) {
                            ambiguous.add(consonants);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ambiguous.forEach(BY_CONSONANTS::remove);
    }

    private HinglishText() {
    }

    /** The words of a lower-case Latin text, each replaced by its English when the glossary has it. */
    static String glossed(String latin) {
        var out = new StringBuilder(latin.length() + 16);
        for (var word : latin.split(" ")) {
            if (word.isEmpty()) {
                continue;
            }
            if (!out.isEmpty()) {
                out.append(' ');
            }
            out.append(gloss(word));
        }
        return out.toString();
    }

    static String gloss(String word) {
        var key = key(word);
        var gloss = GLOSSES.get(key);
        if (gloss == null && key.length() >= 5) {
            gloss = BY_CONSONANTS.get(consonants(key));
        }
        return gloss == null ? word : gloss;
    }

    /** One spelling per sound: what "nahin", "nahi" and "nahee" have in common. */
    static String key(String word) {
        var w = word.toLowerCase(Locale.ROOT).replace("chh", "ch").replace("ee", "i").replace("oo", "u")
                .replace('w', 'v').replace("ph", "f").replace('z', 'j').replace('q', 'k').replace("ck", "k")
                .replace("sh", "s").replace("kh", "k").replace("gh", "g").replace("jh", "j").replace("th", "t")
                .replace("dh", "d").replace("bh", "b").replace("cch", "ch").replace("chch", "ch")
                // Hinglish types a glide between these vowels ("chahiye", "gaye"); Devanagari has none (चाहिए, गए).
                .replace("ie", "iye").replace("ae", "aye");
        var collapsed = new StringBuilder(w.length());
        for (int i = 0; i < w.length(); i++) {
            if (i == 0 || w.charAt(i) != w.charAt(i - 1)) {
                collapsed.append(w.charAt(i));
            }
        }
        int n = collapsed.length();
        if (n > 3 && collapsed.charAt(n - 1) == 'n' && "aeiou".indexOf(collapsed.charAt(n - 2)) >= 0) {
            collapsed.setLength(n - 1);
        }
        return collapsed.toString();
    }

    private static String consonants(String key) {
        var out = new StringBuilder();
        for (int i = 0; i < key.length(); i++) {
            var c = key.charAt(i);
            if ("aeiouy".indexOf(c) < 0 || i == 0) {
                out.append(c);
            }
        }
        return out.toString();
    }
}
