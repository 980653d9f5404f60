package com.maxmysales.knowledge;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * Multinomial logistic regression on a text's embedding and its hashed character trigrams, trained by full-batch
 * gradient descent when a workspace's examples change (a fraction of a second for a few hundred examples). Its
 * probabilities are the classifier's confidence: unlike a neighbour vote they fall when a message is far from
 * every intent, which is what the abstention threshold needs.
 */
final class SoftmaxRegression {

    /** Trigram hashes are folded into this many features. */
    static final int BUCKETS = 2048;

    private final List<String> labels;
    private final int dimensions;
    private final double[][] weights;

    private SoftmaxRegression(List<String> labels, int dimensions, double[][] weights) {
        this.labels = labels;
        this.dimensions = dimensions;
        this.weights = weights;
    }

    static SoftmaxRegression train(List<String> targets, List<Query> inputs, int epochs, double rate, double l2,
            double lexicalScale) {
        var index = new LinkedHashMap<String, Integer>();
        targets.forEach(t -> index.putIfAbsent(t, index.size()));
        int classes = index.size();
        int dense = inputs.isEmpty() ? 0 : inputs.get(0).vector().length;
        int dimensions = dense + BUCKETS + 1;
        var weights = new double[classes][dimensions];
        int n = inputs.size();
        int[] y = targets.stream().mapToInt(index::get).toArray();
        var gradient = new double[classes][dimensions];
        var probabilities = new double[classes];
        for (int epoch = 0; epoch < epochs; epoch++) {
            for (var row : gradient) {
                java.util.Arrays.fill(row, 0);
            }
            for (int i = 0; i < n; i++) {
                var x = inputs.get(i);
                scores(weights, x, dense, lexicalScale, probabilities);
                softmax(probabilities);
                for (int c = 0; c < classes; c++) {
                    var error = probabilities[c] - (y[i] == c ? 1 : 0);
                    var g = gradient[c];
                    var v = x.vector();
                    for (int d = 0; d < dense; d++) {
                        g[d] += error * v[d];
                    }
                    var grams = x.grams();
                    for (int j = 0; j < grams.grams().length; j++) {
                        g[dense + Math.floorMod(grams.grams()[j], BUCKETS)] += error * grams.weights()[j] * lexicalScale;
                    }
                    g[dimensions - 1] += error;
                }
            }
            for (int c = 0; c < classes; c++) {
                for (int d = 0; d < dimensions; d++) {
                    weights[c][d] -= rate * (gradient[c][d] / n + l2 * weights[c][d]);
                }
            }
        }
        return new SoftmaxRegression(new ArrayList<>(index.keySet()), dense, weights);
    }

    /** The most probable label and its probability. */
    IntentGuess predict(Query query, double lexicalScale) {
        if (labels.isEmpty()) {
            return IntentGuess.none(0);
        }
        var probabilities = new double[labels.size()];
        scores(weights, query, dimensions, lexicalScale, probabilities);
        softmax(probabilities);
        int best = 0;
        for (int c = 1; c < probabilities.length; c++) {
            if (probabilities[c] > probabilities[best]) {
                best = c;
            }
        }
        return new IntentGuess(labels.get(best), probabilities[best]);
    }

    private static void scores(double[][] weights, Query x, int dense, double lexicalScale, double[] out) {
        var v = x.vector();
        var grams = x.grams();
        for (int c = 0; c < weights.length; c++) {
            var w = weights[c];
            double s = w[w.length - 1];
            for (int d = 0; d < dense; d++) {
                s += w[d] * v[d];
            }
            for (int j = 0; j < grams.grams().length; j++) {
                s += w[dense + Math.floorMod(grams.grams()[j], BUCKETS)] * grams.weights()[j] * lexicalScale;
            }
            out[c] = s;
        }
    }

    private static void softmax(double[] scores) {
        double max = Double.NEGATIVE_INFINITY;
        for (var s : scores) {
            max = Math.max(max, s);
        }
        double sum = 0;
        for (int i = 0; i < scores.length; i++) {
            scores[i] = Math.exp(scores[i] - max);
            sum += scores[i];
        }
        for (int i = 0; i < scores.length; i++) {
            scores[i] /= sum;
        }
    }
}
