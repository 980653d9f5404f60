package com.maxmysales.knowledge;

import java.util.List;

/**
 * The intent model's quality on examples it was not trained on: 5-fold cross-validation of the workspace's own
 * examples (each example predicted by a model trained on the other four fifths). {@code confusion[i][j]} counts
 * the examples of {@code intents[i]} predicted as {@code intents[j]}; a prediction below the confidence threshold
 * counts as the last column, "none".
 *
 * @param examples the examples cross-validated (a workspace on the defaults: the shared dataset's)
 * @param alwaysTrained examples in every fold's training and never tested (a workspace on the defaults: the
 *        product's own examples); 0 for a workspace's own examples, all cross-validated
 * @param accuracy share of examples predicted right (a declined "other" example counts as right, as in routing)
 */
public record IntentEvaluation(int examples, int alwaysTrained, int folds, double accuracy, List<String> intents,
        List<IntentQuality> quality, List<List<Integer>> confusion) {

    /** Precision and recall of one intent, and how many examples it has. */
    public record IntentQuality(String intent, int examples, double precision, double recall) {
    }

    /** The confusion matrix's columns: the intents, then "(none)" for a prediction below the threshold. */
    public List<String> columns() {
        var columns = new java.util.ArrayList<>(intents);
        columns.add(IntentCrossValidation.NONE);
        return columns;
    }

    /** The largest count of one cell off the diagonal or on it, to scale a heat map. */
    public int largestCell() {
        return confusion.stream().flatMap(List::stream).mapToInt(Integer::intValue).max().orElse(0);
    }
}
