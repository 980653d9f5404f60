package com.maxmysales.optout;

import java.util.List;

import com.maxmysales.knowledge.SentenceEmbeddings;

import org.springframework.stereotype.Component;

/**
 * The embedding model's reading of a message the rules flagged and could not decide ("stop" or "band" or "hata"
 * in a sentence no rule explains): closer to one of the opt-out examples below than to any of the everyday ones,
 * by a margin, and close enough at all. Only a tie-breaker: it decides whether the customer is asked, never
 * whether they are opted out. The model loads on the first such message; the examples are embedded once.
 */
@Component
class OptOutPrototypes implements PhraseDetector.TieBreaker {

    static final double CLOSE_ENOUGH = 0.55;
    static final double MARGIN = 0.05;

    /** In the detector's own spelling (Latin letters, one spelling per word), as the message reaches the model. */
    private static final List<String> OPT_OUTS = List.of(
            "please stop sending me messages", "i do not want your offers any more", "remove me from your list",
            "unsubscribe me", "stop the promotions", "no more marketing messages", "do not contact me",
            "i want to stop these messages", "i am not interested in your messages", "stop it please",
            "message mat bhej", "message band karo", "mujhe list se hata do", "mujhe message nahi chahiye",
            "offer bhejna band karo", "mera number hata do");
    private static final List<String> EVERYDAY = List.of(
            "can i cancel my order", "where is my delivery", "remove the item from my cart",
            "change my delivery address", "when does the shop close", "do you have this in stock",
            "send me the price list", "stop by the shop tomorrow", "i cant stop using your product",
            "please keep sending me offers", "order cancel karna hai", "cart se item hata do",
            "mera address badal do", "dukan kab band hoti hai", "delivery kab aayegi", "mujhe naya offer bhejo");

    private final SentenceEmbeddings embeddings;
    private volatile List<float[]> optOuts;
    private volatile List<float[]> everyday;

    OptOutPrototypes(SentenceEmbeddings embeddings) {
        this.embeddings = embeddings;
    }

    @Override
    public boolean readsLikeAnOptOut(String words) {
        var message = embeddings.embed(words);
        var optOut = closest(message, optOuts());
        var other = closest(message, everyday());
        return optOut >= CLOSE_ENOUGH && optOut >= other + MARGIN;
    }

    private static double closest(float[] message, List<float[]> examples) {
        var best = -1.0;
        for (var example : examples) {
            best = Math.max(best, SentenceEmbeddings.similarity(message, example));
        }
        return best;
    }

    private List<float[]> optOuts() {
        if (optOuts == null) {
            optOuts = embeddings.embedAll(OPT_OUTS);
        }
        return optOuts;
    }

    private List<float[]> everyday() {
        if (everyday == null) {
            everyday = embeddings.embedAll(EVERYDAY);
        }
        return everyday;
    }
}
