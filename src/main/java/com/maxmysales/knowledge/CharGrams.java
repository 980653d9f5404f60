package com.maxmysales.knowledge;

import java.util.Arrays;
import java.util.HashMap;

/**
 * Character trigrams of a text's spelling keys, as a sparse unit vector: the lexical half of a match. They forgive
 * what the embedding does not, a typo ("cancle", "adress") or a Hinglish spelling the glossary lacks.
 */
record CharGrams(int[] grams, float[] weights) {

    static CharGrams of(String text) {
        var counts = new HashMap<Integer, Integer>();
        for (var word : text.split(" ")) {
            if (word.isEmpty()) {
                continue;
            }
            var padded = " " + HinglishText.key(word) + " ";
            for (int i = 0; i + 3 <= padded.length(); i++) {
                counts.merge(padded.substring(i, i + 3).hashCode(), 1, Integer::sum);
            }
        }
        var grams = counts.keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
        var weights = new float[grams.length];
        double norm = 0;
        for (int i = 0; i < grams.length; i++) {
            weights[i] = counts.get(grams[i]);
            norm += weights[i] * weights[i];
        }
        for (int i = 0; i < weights.length; i++) {
            weights[i] = (float) (weights[i] / Math.sqrt(norm));
        }
        return new CharGrams(grams, weights);
    }

    double dot(CharGrams other) {
        double sum = 0;
        int i = 0;
        int j = 0;
        while (i < grams.length && j < other.grams.length) {
            if (grams[i] == other.grams[j]) {
                sum += weights[i++] * other.weights[j++];
            } else if (grams[i] < other.grams[j]) {
                i++;
            } else {
                j++;
            }
        }
        return sum;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CharGrams g && Arrays.equals(grams, g.grams) && Arrays.equals(weights, g.weights);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(grams);
    }

    @Override
    public String toString() {
        return "CharGrams" + Arrays.toString(grams);
    }
}
