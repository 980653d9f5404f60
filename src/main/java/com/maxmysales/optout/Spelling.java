package com.maxmysales.optout;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One spelling per word for the rules: the shortenings, typos and Hinglish spellings customers use ("unsub",
 * "stpo", "msgs", "pls", "mt", "nhi", "bhejna"), and the romanised Hindi words {@link Wording#latin} produces
 * ("maisej", "sandes", "karem"). Looked up per word, so it costs one hash lookup each.
 */
final class Spelling {

    private static final Map<String, String> CANONICAL = new HashMap<>();

    static {
        canonical("stop", "stopp", "stpo", "sotp", "stp", "stopit");
        canonical("unsubscribe", "unsub", "unsubs", "unsubscribeme", "anasabsakraib", "anasabskraib", "ansabskraib",
                "ansabsakraib");
        canonical("optout", "optput", "optot");
        canonical("message", "messages", "msg", "msgs", "mesage", "mesages", "messege", "messeges", "msges", "msj",
                "maisej", "mesej", "mesaj", "maseg", "sandes", "sandesh", "massege", "massages", "meseges");
        canonical("offer", "offers", "ophar", "ofar", "offr", "ofer", "ofers");
        canonical("sending", "sendin", "sndng", "sendng");
        canonical("messaging", "msging", "msgng", "mssging", "msgin", "messagin", "mesaging");
        canonical("texting", "txting", "textin", "txtng");
        canonical("promotion", "pramosan", "pramoshan", "promosan");
        canonical("promotional", "pramosanal", "pramoshanal", "promotionl", "promotinal");
        canonical("please", "pls", "plz", "plss", "plzz", "pleez", "plis", "kripya", "krpaya", "kripaya");
        canonical("your", "ur", "yr", "apki", "apni", "apani", "aapki", "tumhari");
        canonical("you", "u");
        canonical("dont", "dnt", "donot");
        canonical("remove", "remve", "remov", "rmv", "remoove", "remuve");
        canonical("number", "nambar", "numbr", "nmbr", "nomber");
        canonical("list", "suci", "suchi", "lisst");
        canonical("nahi", "nhi", "nahin", "nai", "nahim", "nahee", "nahii", "nahe");
        canonical("mat", "mt");
        canonical("chahiye", "chahie", "chaiye", "cahie", "cahiye", "chahiya", "chahye", "chaiya");
        canonical("hata", "hatao", "hatado", "hataiye", "hatayen", "hataen", "hatade", "hatana", "hatain",
                "hatadijiye", "hatayein", "hatva", "hatwa", "hatvao", "hatwao");
        canonical("nikal", "nikalo", "nikaldo", "nikalna", "nikaliye");
        canonical("bhej", "bhejo", "bhejna", "bhejana", "bhejiye", "bhejie", "bheje", "bhejen", "bhejein", "bhejem",
                "bhejiyega", "bhejenge", "bhejoge", "bhejiega");
        canonical("bhejte", "bhejate", "bhejtey");
        canonical("band", "bandh", "bund", "bnd");
        canonical("karo", "kro", "karen", "karein", "karem", "kijiye", "kijie", "kariye", "karie", "kardo", "krdo",
                "kare", "karde", "kardijiye", "kardijie");
        canonical("do", "dijiye", "dijie", "dein", "dem", "den");
        canonical("roko", "rokem", "roken", "rokiye", "rokie", "roke", "rokein", "rok");
        canonical("mujhe", "muje", "mujhey", "mjhe", "mujhko", "mujko", "mereko");
        canonical("mera", "mra", "meraa", "mere");
        canonical("koi", "koyi");
        canonical("order", "ordar", "oder", "ordr");
        canonical("kyu", "kyon", "kyom", "kyun", "kiu");
        canonical("itne", "itane", "itni", "itani");
    }

    private Spelling() {
    }

    private static void canonical(String word, String... spellings) {
        for (var spelling : List.of(spellings)) {
            CANONICAL.put(spelling, word);
        }
        CANONICAL.put(word, word);
    }

    /** @param word a normalised word in Latin letters ({@link Wording#latin}) */
    static String of(String word) {
        var known = CANONICAL.get(word);
        if (known != null) {
            return known;
        }
        return looksLikeUnsubscribe(word) ? "unsubscribe" : word;
    }

    /** "unsuscribe", "unsubcribe", "unsubscibe": long enough that two slips still name one word. */
    private static boolean looksLikeUnsubscribe(String word) {
        return word.length() >= 8 && word.startsWith("uns") && !word.startsWith("unsubscribed")
                && distance(word, "unsubscribe") <= 2;
    }

    /** Damerau–Levenshtein (optimal string alignment) distance. */
    static int distance(String a, String b) {
        var d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                var cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
