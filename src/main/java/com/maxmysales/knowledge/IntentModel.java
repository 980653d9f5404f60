package com.maxmysales.knowledge;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A classifier trained on a workspace's own labelled examples: the k nearest examples (embedding and trigram
 * similarity blended) vote for their intent, weighted by similarity. No training step beyond embedding each
 * example once, so a change of the examples takes effect at once.
 */
final class IntentModel {

    /** The trigram share of the similarity, the neighbours that vote, and the confidence to name an intent. */
    record Tuning(double lexical, int neighbours, double threshold, boolean logistic, int epochs, double rate,
            double l2, double lexicalScale) {

        Tuning(double lexical, int neighbours, double threshold) {
            this(lexical, neighbours, threshold, false, 0, 0, 0, 0);
        }
    }

    /*
     * Step 4.0 (was 2.0): with a thousand examples, 300 full-batch steps of 2.0 stopped short of the regularised
     * optimum; twice the step gets as far as 600 steps of 2.0 at the cost of 300 (session 7, docs/knowledge.md).
     */
    static final Tuning TUNED = new Tuning(0, 0, 0.2, true, 300, 4.0, 1e-4, 1.0);

    private final List<IntentExample> examples;
    private final List<Query> embedded;
    private final Tuning tuning;
    private final @org.jspecify.annotations.Nullable SoftmaxRegression regression;

    IntentModel(List<IntentExample> examples, List<Query> embedded) {
        this(examples, embedded, TUNED);
    }

    IntentModel(List<IntentExample> examples, List<Query> embedded, Tuning tuning) {
        if (examples.size() != embedded.size()) {
            throw new IllegalArgumentException("one embedding per example");
        }
        this.examples = List.copyOf(examples);
        this.embedded = List.copyOf(embedded);
        this.tuning = tuning;
        this.regression = tuning.logistic() ? SoftmaxRegression.train(examples.stream().map(IntentExample::intent)
                .toList(), embedded, tuning.epochs(), tuning.rate(), tuning.l2(), tuning.lexicalScale()) : null;
    }

    IntentGuess classify(Query query) {
        var guess = best(query);
        return guess.confidence() >= tuning.threshold() ? guess : IntentGuess.none(guess.confidence());
    }

    /** The most likely intent whatever its confidence. */
    IntentGuess best(Query query) {
        if (examples.isEmpty()) {
            return IntentGuess.none(0);
        }
        if (regression != null) {
            return regression.predict(query, tuning.lexicalScale());
        }
        int k = Math.min(tuning.neighbours(), examples.size());
        int[] nearest = new int[k];
        double[] scores = new double[k];
        Arrays.fill(scores, Double.NEGATIVE_INFINITY);
        for (int i = 0; i < embedded.size(); i++) {
            insert(nearest, scores, i, query.similarity(embedded.get(i), tuning.lexical()));
        }
        var votes = new HashMap<String, Double>();
        double total = 0;
        for (int j = 0; j < k; j++) {
            var weight = Math.max(0, scores[j]);
            votes.merge(examples.get(nearest[j]).intent(), weight, Double::sum);
            total += weight;
        }
        var winner = votes.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow();
        var share = total == 0 ? 0 : winner.getValue() / total;
        // The vote share alone is sure of itself far from every example; the top similarity keeps it honest.
        var confidence = share * Math.max(0, Math.min(1, scores[0]));
        return new IntentGuess(winner.getKey(), confidence);
    }

    int size() {
        return examples.size();
    }

    private static void insert(int[] nearest, double[] scores, int index, double score) {
        int k = scores.length;
        if (score <= scores[k - 1]) {
            return;
        }
        int position = k - 1;
        while (position > 0 && scores[position - 1] < score) {
            scores[position] = scores[position - 1];
            nearest[position] = nearest[position - 1];
            position--;
        }
        scores[position] = score;
        nearest[position] = index;
    }
}
