package com.maxmysales.knowledge;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.TreeSet;
import java.util.function.BiFunction;

/**
 * Computes an {@link IntentEvaluation}: the examples dealt to 5 folds intent by intent (so that each fold holds a
 * fifth of every intent, whatever the upload order), each fold predicted by a model trained on the others. Examples
 * past {@code crossValidated} (the product's own defaults beside the shared dataset) are in every fold's training
 * and never tested: the figure is then what the workspace's model does on the shared examples it has not seen.
 */
final class IntentCrossValidation {

    static final int FOLDS = 5;
    static final String NONE = "(none)";

    private IntentCrossValidation() {
    }

    /** @param train builds a model from examples and their queries (the real {@link IntentModel} in production) */
    static IntentEvaluation evaluate(List<IntentExample> examples, List<Query> queries,
            BiFunction<List<IntentExample>, List<Query>, IntentModel> train) {
        return evaluate(examples, queries, examples.size(), train);
    }

    /** @param crossValidated how many of the examples (the first ones) are dealt to folds; the rest always train */
    static IntentEvaluation evaluate(List<IntentExample> examples, List<Query> queries, int crossValidated,
            BiFunction<List<IntentExample>, List<Query>, IntentModel> train) {
        var alwaysTrained = examples.subList(crossValidated, examples.size());
        var alwaysTrainedQueries = queries.subList(crossValidated, examples.size());
        examples = examples.subList(0, crossValidated);
        queries = queries.subList(0, crossValidated);
        var intents = new ArrayList<>(new TreeSet<>(examples.stream().map(IntentExample::intent).toList()));
        var columns = new ArrayList<>(intents);
        columns.add(NONE);
        int[][] confusion = new int[intents.size()][columns.size()];
        int[] fold = folds(examples);
        int right = 0;
        for (int f = 0; f < FOLDS; f++) {
            var trainExamples = new ArrayList<IntentExample>(alwaysTrained);
            var trainQueries = new ArrayList<Query>(alwaysTrainedQueries);
            for (int i = 0; i < examples.size(); i++) {
                if (fold[i] != f) {
                    trainExamples.add(examples.get(i));
                    trainQueries.add(queries.get(i));
                }
            }
            if (trainExamples.size() == examples.size() + alwaysTrained.size()) {
                continue;
            }
            var model = train.apply(trainExamples, trainQueries);
            for (int i = 0; i < examples.size(); i++) {
                if (fold[i] != f) {
                    continue;
                }
                var expected = examples.get(i).intent();
                var guess = model.classify(queries.get(i));
                var predicted = guess.intent() == null ? NONE : guess.intent();
                var column = columns.indexOf(predicted);
                confusion[intents.indexOf(expected)][column < 0 ? columns.size() - 1 : column]++;
                right += predicted.equals(expected) || (guess.intent() == null && expected.equals("other")) ? 1 : 0;
            }
        }
        var quality = new ArrayList<IntentEvaluation.IntentQuality>();
        for (int i = 0; i < intents.size(); i++) {
            int support = 0;
            int predictedAs = 0;
            for (int j = 0; j < columns.size(); j++) {
                support += confusion[i][j];
            }
            for (int[] row : confusion) {
                predictedAs += row[i];
            }
            quality.add(new IntentEvaluation.IntentQuality(intents.get(i), support,
                    predictedAs == 0 ? 0 : (double) confusion[i][i] / predictedAs,
                    support == 0 ? 0 : (double) confusion[i][i] / support));
        }
        var rows = new ArrayList<List<Integer>>();
        for (int[] row : confusion) {
            rows.add(java.util.Arrays.stream(row).boxed().toList());
        }
        return new IntentEvaluation(examples.size(), alwaysTrained.size(), FOLDS,
                examples.isEmpty() ? 0 : (double) right / examples.size(), List.copyOf(intents), List.copyOf(quality),
                List.copyOf(rows));
    }

    /** Fold of each example: the n-th example of an intent goes to fold n mod 5. */
    private static int[] folds(List<IntentExample> examples) {
        var seen = new HashMap<String, Integer>();
        int[] fold = new int[examples.size()];
        for (int i = 0; i < examples.size(); i++) {
            fold[i] = seen.merge(examples.get(i).intent(), 1, Integer::sum) % FOLDS;
        }
        return fold;
    }
}
