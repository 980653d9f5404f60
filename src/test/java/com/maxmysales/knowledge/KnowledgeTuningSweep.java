package com.maxmysales.knowledge;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Not a test: the parameter sweep behind the tuned values (run by hand with -Dtest=KnowledgeTuningSweep). */
class KnowledgeTuningSweep {

    @Test
    void sweep() {
        KnowledgeEvaluationTests.theModelAndTheDefaults();
        var embedder = KnowledgeEvaluationTests.embedder;
        var training = KnowledgeEvaluationTests.training;
        var trainingQueries = KnowledgeEvaluationTests.trainingQueries;
        var heldOut = KnowledgeEvaluationTests.intentsHeldOut();
        var heldQ = embedder.queries(heldOut.stream().map(KnowledgeEvaluationTests.Labelled::text).toList());
        for (double lexical : new double[] {1, 1.5}) {
            for (int k : new int[] {600}) {
                for (double threshold : new double[] {0.15, 0.2, 0.25}) {
                    var tuning = new IntentModel.Tuning(0, 0, threshold, true, k, 4.0, 1e-4, lexical);
                    var model = new IntentModel(training, trainingQueries, tuning);
                    long right = IntStream.range(0, heldOut.size()).filter(i -> KnowledgeEvaluationTests
                            .right(heldOut.get(i).label(), model.classify(heldQ.get(i)))).count();
                    int cvRight = 0;
                    for (int fold = 0; fold < 5; fold++) {
                        int f = fold;
                        var trainIdx = IntStream.range(0, training.size()).filter(i -> i % 5 != f).boxed().toList();
                        var m = new IntentModel(trainIdx.stream().map(training::get).toList(),
                                trainIdx.stream().map(trainingQueries::get).toList(), tuning);
                        for (int i = f; i < training.size(); i += 5) {
                            cvRight += KnowledgeEvaluationTests.right(training.get(i).intent(),
                                    m.classify(trainingQueries.get(i))) ? 1 : 0;
                        }
                    }
                    System.out.printf("INTENT lexical=%.1f k=%d t=%.2f heldout=%.3f cv=%.3f%n", lexical, k, threshold,
                            (double) right / heldOut.size(), cvRight / 400.0);
                }
            }
        }
        var paraphrases = KnowledgeEvaluationTests.paraphrases();
        var unanswerable = KnowledgeEvaluationTests.unanswerable();
        var pq = embedder.queries(paraphrases.stream().map(KnowledgeEvaluationTests.Labelled::text).toList());
        var uq = embedder.queries(unanswerable.stream().map(KnowledgeEvaluationTests.Labelled::text).toList());
        var entries = DefaultDatasets.faq();
        var eq = embedder.queries(entries.stream().map(FaqEntry::question).toList());
        for (double lexical : new double[] {0}) {
            for (double threshold : new double[] {0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6}) {
                var index = new FaqIndex(entries, eq, new FaqIndex.Tuning(lexical, threshold));
                long top1 = IntStream.range(0, paraphrases.size()).filter(i -> index.answer(pq.get(i))
                        .filter(a -> a.question().equals(paraphrases.get(i).label())).isPresent()).count();
                long declined = uq.stream().filter(q -> index.answer(q).isEmpty()).count();
                System.out.printf("FAQ lexical=%.1f t=%.2f top1=%.3f abstain=%.3f%n", lexical, threshold,
                        (double) top1 / paraphrases.size(), (double) declined / unanswerable.size());
            }
        }
    }
}
