package com.maxmysales.knowledge;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes Devanagari Hindi the way Indian customers type it in Latin letters: "मेरा ऑर्डर कब आएगा" becomes
 * "mera ordar kab aaega", not ICU's scholarly "mera ordara kaba a'ega". ICU's Any-Latin keeps every inherent
 * vowel; spoken Hindi drops it at the end of a word and between a vowel and a consonant that carries one (schwa
 * deletion), and Hinglish is written as it is spoken, so this deletes it there (right to left, the usual rule).
 */
final class DevanagariRomaniser {

    private static final char VIRAMA = '\u094D';
    private static final char NUKTA = '\u093C';

    /** A consonant (cluster member) and the vowel after it; {@code inherent} when no sign was written. */
    private static final class Syllable {
        final StringBuilder consonants = new StringBuilder();
        String vowel = "";
        boolean inherent;
        boolean deleted;
        String coda = "";
    }

    private DevanagariRomaniser() {
    }

    static boolean isDevanagari(int c) {
        return c >= 0x0900 && c <= 0x097F;
    }

    /** Romanises every Devanagari run of the text; everything else is kept as it is. */
    static String romanise(String text) {
        var out = new StringBuilder(text.length() + 8);
        int i = 0;
        while (i < text.length()) {
            if (isDevanagari(text.charAt(i)) && text.charAt(i) != '\u0964' && text.charAt(i) != '\u0965') {
                int end = i;
                while (end < text.length() && isDevanagari(text.charAt(end)) && text.charAt(end) != '\u0964'
                        && text.charAt(end) != '\u0965') {
                    end++;
                }
                out.append(word(text.substring(i, end)));
                i = end;
            } else {
                var c = text.charAt(i);
                out.append(c == '\u0964' || c == '\u0965' ? '.' : c);
                i++;
            }
        }
        return out.toString();
    }

    private static String word(String word) {
        List<Syllable> syllables = new ArrayList<>();
        Syllable open = null;
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            boolean nukta = i + 1 < word.length() && word.charAt(i + 1) == NUKTA;
            var consonant = consonant(c, nukta);
            if (consonant != null) {
                if (open == null || !open.vowel.isEmpty() || open.inherent) {
                    open = new Syllable();
                    syllables.add(open);
                }
                open.consonants.append(consonant);
                open.inherent = true;
                open.vowel = "a";
                if (nukta) {
                    i++;
                }
            } else if (c == VIRAMA && open != null) {
                open.inherent = false;
                open.vowel = "";
            } else if (matra(c) != null && open != null) {
                open.inherent = false;
                open.vowel = matra(c);
            } else if (vowel(c) != null) {
                open = new Syllable();
                open.vowel = vowel(c);
                syllables.add(open);
            } else if ((c == '\u0902' || c == '\u0901') && open != null) {
                open.coda = "n";
            } else if (c == '\u0903' && open != null) {
                open.coda = "h";
            } else if (c >= '\u0966' && c <= '\u096F') {
                open = new Syllable();
                open.consonants.append((char) ('0' + c - '\u0966'));
                syllables.add(open);
            }
        }
        deleteSchwas(syllables);
        var end = syllables.isEmpty() ? null : syllables.getLast();
        if (end != null && end.vowel.equals("e") && end.coda.equals("n")) {
            // A final nasal "e" is typed "ein": में is "mein" (the glossary's "in"), not the English "men".
            end.vowel = "ei";
        }
        var out = new StringBuilder();
        for (int i = 0; i < syllables.size(); i++) {
            var s = syllables.get(i);
            var next = i + 1 < syllables.size() ? syllables.get(i + 1).consonants : "";
            // The nasal sign is said (and typed) "m" before p, b and m: संपर्क is "sampark", कंपनी "kampani".
            var coda = s.coda.equals("n") && !next.isEmpty() && "pbm".indexOf(next.charAt(0)) >= 0 ? "m" : s.coda;
            out.append(s.consonants).append(s.deleted ? "" : s.vowel).append(coda);
        }
        return out.toString();
    }

    private static void deleteSchwas(List<Syllable> syllables) {
        int last = syllables.size() - 1;
        for (int i = last; i > 0; i--) {
            var s = syllables.get(i);
            if (!s.inherent || !s.coda.isEmpty()) {
                continue;
            }
            var before = syllables.get(i - 1);
            boolean vowelBefore = !before.vowel.isEmpty() && !before.deleted;
            boolean vowelAfter = i < last && !syllables.get(i + 1).deleted && !syllables.get(i + 1).vowel.isEmpty()
                    && syllables.get(i + 1).consonants.length() > 0;
            if (i == last && vowelBefore || i < last && vowelBefore && vowelAfter) {
                s.deleted = true;
            }
        }
    }

    private static String consonant(char c, boolean nukta) {
        return switch (c) {
            case 'क' -> nukta ? "k" : "k";
            case 'ख' -> "kh";
            case 'ग' -> "g";
            case 'घ' -> "gh";
            case 'ङ', 'ञ', 'ण', 'न' -> "n";
            case 'च' -> "ch";
            case 'छ' -> "chh";
            case 'ज' -> nukta ? "z" : "j";
            case 'झ' -> "jh";
            case 'ट' -> "t";
            case 'ठ' -> "th";
            // ड़ and ढ़ are mostly typed as the letter without the dot (thoda, bada, padhna), and the glossary is so.
            case 'ड' -> "d";
            case 'ढ' -> "dh";
            case 'त' -> "t";
            case 'थ' -> "th";
            case 'द' -> "d";
            case 'ध' -> "dh";
            case 'प' -> "p";
            case 'फ' -> nukta ? "f" : "ph";
            case 'ब' -> "b";
            case 'भ' -> "bh";
            case 'म' -> "m";
            case 'य' -> "y";
            case 'र' -> "r";
            case 'ल', 'ळ' -> "l";
            case 'व' -> "v";
            case 'श', 'ष' -> "sh";
            case 'स' -> "s";
            case 'ह' -> "h";
            case '\u0958' -> "k";
            case '\u0959' -> "kh";
            case '\u095A' -> "g";
            case '\u095B' -> "z";
            case '\u095C' -> "d";
            case '\u095D' -> "dh";
            case '\u095E' -> "f";
            case '\u095F' -> "y";
            default -> null;
        };
    }

    private static String matra(char c) {
        return switch (c) {
            case 'ा' -> "aa";
            case 'ि' -> "i";
            case 'ी' -> "ee";
            case 'ु' -> "u";
            case 'ू' -> "oo";
            case 'ृ' -> "ri";
            case 'े', 'ॅ' -> "e";
            case 'ै' -> "ai";
            case 'ो', 'ॉ' -> "o";
            case 'ौ' -> "au";
            default -> null;
        };
    }

    private static String vowel(char c) {
        return switch (c) {
            case 'अ' -> "a";
            case 'आ' -> "aa";
            case 'इ' -> "i";
            case 'ई' -> "ee";
            case 'उ' -> "u";
            case 'ऊ' -> "oo";
            case 'ऋ' -> "ri";
            case 'ए', 'ऍ' -> "e";
            case 'ऐ' -> "ai";
            case 'ओ', 'ऑ' -> "o";
            case 'औ' -> "au";
            case 'ॐ' -> "om";
            default -> null;
        };
    }
}
