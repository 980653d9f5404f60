package com.maxmysales.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 18's bar for the FAQ and the intents, measured with the real model on sets written for it and never trained
 * on (src/test/resources/knowledge-eval: English, Hinglish, Devanagari Hindi, typos, emoji, polite and blunt), and
 * on the shared intent dataset by 5-fold cross-validation. Prints a table per language; fails under the thresholds.
 * An intent message the classifier declines (no intent) counts as right only when it is an "other" message: for
 * routing, "nothing specific" is what "other" means.
 */
class KnowledgeEvaluationTests {

    static final double INTENT_ACCURACY = 0.90;
    static final double FAQ_TOP1 = 0.85;
    static final double FAQ_ABSTENTION = 0.80;
    /*
     * Issue 18's bar for the 5-fold cross-validation (INTENT_ACCURACY, 0.90) is met: 91.0 % measured with the
     * product's 656 own examples in every training (session 7; 85.3 % in session 6). Held at the bar, not at
     * 0.91: 364 of 400 is exactly 0.91, and one example's difference would fail a test of nothing but rounding;
     * docs/knowledge.md lists what was measured.
     */
    static final double CROSS_VALIDATION = INTENT_ACCURACY;

    record Labelled(String text, String label, String language) {
    }

    /** Right and total per language, printed as a row each and a total. */
    static final class Score {
        final Map<String, int[]> byLanguage = new LinkedHashMap<>();

        void add(String language, boolean right) {
            var counts = byLanguage.computeIfAbsent(language, l -> new int[2]);
            counts[0] += right ? 1 : 0;
            counts[1]++;
        }

        double rate() {
            int right = byLanguage.values().stream().mapToInt(c -> c[0]).sum();
            int total = byLanguage.values().stream().mapToInt(c -> c[1]).sum();
            return total == 0 ? 0 : (double) right / total;
        }

        String table(String title) {
            var out = new StringBuilder("\n" + title + "\n");
            byLanguage.forEach((language, c) -> out.append(String.format("  %-9s %4d / %-4d %6.1f %%%n", language,
                    c[0], c[1], 100.0 * c[0] / c[1])));
            int right = byLanguage.values().stream().mapToInt(c -> c[0]).sum();
            int total = byLanguage.values().stream().mapToInt(c -> c[1]).sum();
            return out.append(String.format("  %-9s %4d / %-4d %6.1f %%%n", "all", right, total, 100.0 * rate()))
                    .toString();
        }
    }

    static KnowledgeEmbedder embedder;
    /** The product's defaults: the shared dataset's 400 examples, then the product's own. */
    static List<IntentExample> training;
    static List<Query> trainingQueries;
    /** How many of {@link #training} are the shared dataset's (the first ones): the only ones cross-validated. */
    static int shared;
    static FaqIndex faq;

    @BeforeAll
    static void theModelAndTheDefaults() {
        embedder = new KnowledgeEmbedder(new SentenceEmbeddings());
        training = DefaultDatasets.intents();
        shared = DefaultDatasets.sharedIntents().size();
        trainingQueries = embedder.queries(training.stream().map(IntentExample::text).toList());
        var entries = DefaultDatasets.faq();
        faq = new FaqIndex(entries, embedder.queries(entries.stream().map(FaqEntry::question).toList()));
    }

    @Test
    void intentsOfTheHeldOutSetAreRecognised() {
        var heldOut = read("intents-heldout.csv", r -> new Labelled(r.get("text"), r.get("intent"), r.get("language")));
        var trainingTexts = training.stream().map(e -> comparable(e.text())).toList();
        assertThat(heldOut).hasSizeGreaterThanOrEqualTo(150)
                .noneMatch(l -> trainingTexts.contains(comparable(l.text())));

        var model = new IntentModel(training, trainingQueries);
        var score = new Score();
        var misses = new ArrayList<String>();
        var queries = embedder.queries(heldOut.stream().map(Labelled::text).toList());
        for (int i = 0; i < heldOut.size(); i++) {
            var expected = heldOut.get(i);
            var guess = model.classify(queries.get(i));
            var right = right(expected.label(), guess);
            score.add(expected.language(), right);
            if (!right) {
                misses.add(expected.text() + " -> " + guess.intent() + " (" + expected.label() + ", "
                        + String.format("%.2f", guess.confidence()) + ")");
            }
        }
        System.out.println(score.table("Intents, held-out set (trained on the " + training.size()
                + " default examples)"));
        System.out.println("  misses: " + misses);
        assertThat(score.rate()).as("intent accuracy on the held-out set").isGreaterThanOrEqualTo(INTENT_ACCURACY);
    }

    /** The product's own examples are extra training: none may be a shared or a held-out example in disguise. */
    @Test
    void theProductsOwnExamplesRepeatNoSharedOrHeldOutExample() {
        var extra = DefaultDatasets.extraIntents();
        var others = new java.util.HashSet<String>();
        DefaultDatasets.sharedIntents().forEach(e -> others.add(comparable(e.text())));
        intentsHeldOut().forEach(l -> others.add(comparable(l.text())));
        assertThat(extra).hasSizeGreaterThanOrEqualTo(16 * 20)
                .noneMatch(e -> others.contains(comparable(e.text())));
        assertThat(extra.stream().map(e -> comparable(e.text())).distinct()).hasSameSizeAs(extra);
        assertThat(extra.stream().map(IntentExample::intent).distinct().sorted().toList())
                .isEqualTo(DefaultDatasets.sharedIntents().stream().map(IntentExample::intent).distinct().sorted()
                        .toList());
    }

    /**
     * Each fold of the shared dataset is predicted by a model trained on the other four and on every one of the
     * product's own examples (what a workspace on the defaults is trained on); only the shared examples are tested.
     */
    @Test
    void intentsOfTheSharedDatasetAreRecognisedInFiveFoldCrossValidation() {
        var score = new Score();
        var misses = new ArrayList<String>();
        int folds = 5;
        for (int fold = 0; fold < folds; fold++) {
            int f = fold;
            Predicate<Integer> tested = i -> i < shared && i % folds == f;
            var trainIndexes = IntStream.range(0, training.size()).boxed().filter(tested.negate()).toList();
            var model = new IntentModel(trainIndexes.stream().map(training::get).toList(),
                    trainIndexes.stream().map(trainingQueries::get).toList());
            IntStream.range(0, shared).boxed().filter(tested).forEach(i -> {
                var example = training.get(i);
                var guess = model.classify(trainingQueries.get(i));
                score.add(language(example.text()), right(example.intent(), guess));
                if (!right(example.intent(), guess)) {
                    misses.add(example.text() + " -> " + guess.intent() + " (" + example.intent() + ")");
                }
            });
        }
        System.out.println(score.table("Intents, shared dataset, 5-fold cross-validation (+ "
                + (training.size() - shared) + " of the product's own examples in every training)"));
        System.out.println("  misses: " + misses);
        assertThat(score.rate()).as("intent accuracy in cross-validation (issue 18's bar %s, held at %s)",
                INTENT_ACCURACY, CROSS_VALIDATION).isGreaterThanOrEqualTo(CROSS_VALIDATION);
    }

    @Test
    void faqParaphrasesFindTheirQuestionAndQuestionsItDoesNotAnswerAreDeclined() {
        var paraphrases = read("faq-paraphrases.csv",
                r -> new Labelled(r.get("text"), r.get("question"), r.get("language")));
        var unanswerable = read("faq-unanswerable.csv", r -> new Labelled(r.get("text"), "", r.get("language")));
        assertThat(paraphrases).hasSizeGreaterThanOrEqualTo(120);
        assertThat(unanswerable).hasSizeGreaterThanOrEqualTo(60);

        var top1 = new Score();
        var misses = new ArrayList<String>();
        var queries = embedder.queries(paraphrases.stream().map(Labelled::text).toList());
        for (int i = 0; i < paraphrases.size(); i++) {
            var expected = paraphrases.get(i);
            var answer = faq.answer(queries.get(i));
            var right = answer.isPresent() && answer.get().question().equals(expected.label());
            top1.add(expected.language(), right);
            if (!right) {
                var best = faq.best(queries.get(i)).orElseThrow();
                misses.add(expected.text() + " -> " + best.question() + String.format(" %.2f", best.confidence()));
            }
        }
        var abstained = new Score();
        var wrongAnswers = new ArrayList<String>();
        var declined = embedder.queries(unanswerable.stream().map(Labelled::text).toList());
        for (int i = 0; i < unanswerable.size(); i++) {
            var answer = faq.answer(declined.get(i));
            abstained.add(unanswerable.get(i).language(), answer.isEmpty());
            answer.ifPresent(a -> wrongAnswers.add(a.question() + String.format(" %.2f", a.confidence())));
        }
        System.out.println(top1.table("FAQ, paraphrases answered with their question (top-1)"));
        System.out.println("  misses: " + misses);
        System.out.println(abstained.table("FAQ, questions it does not answer, declined"));
        System.out.println("  answered anyway: " + wrongAnswers);
        assertThat(top1.rate()).as("FAQ top-1").isGreaterThanOrEqualTo(FAQ_TOP1);
        assertThat(abstained.rate()).as("FAQ abstention").isGreaterThanOrEqualTo(FAQ_ABSTENTION);
    }

    @Test
    void faqParaphrasesOfEntriesLeftOutAreDeclinedRatherThanAnsweredWithANeighbour() {
        var paraphrases = read("faq-paraphrases.csv",
                r -> new Labelled(r.get("text"), r.get("question"), r.get("language")));
        var entries = DefaultDatasets.faq();
        var entryQueries = embedder.queries(entries.stream().map(FaqEntry::question).toList());
        var queries = embedder.queries(paraphrases.stream().map(Labelled::text).toList());
        var score = new Score();
        int folds = 5;
        for (int fold = 0; fold < folds; fold++) {
            int f = fold;
            var kept = IntStream.range(0, entries.size()).filter(i -> i % folds != f).boxed().toList();
            var index = new FaqIndex(kept.stream().map(entries::get).toList(),
                    kept.stream().map(entryQueries::get).toList());
            var left = IntStream.range(0, entries.size()).filter(i -> i % folds == f)
                    .mapToObj(i -> entries.get(i).question()).toList();
            for (int i = 0; i < paraphrases.size(); i++) {
                if (left.contains(paraphrases.get(i).label())) {
                    score.add(paraphrases.get(i).language(), index.answer(queries.get(i)).isEmpty());
                }
            }
        }
        // Reported, not held to a bar: a question next to an entry (return policy, refund) is the hardest case.
        System.out.println(score.table("FAQ, 5 folds of entries left out: their paraphrases declined"));
    }

    static List<Labelled> intentsHeldOut() {
        return read("intents-heldout.csv", r -> new Labelled(r.get("text"), r.get("intent"), r.get("language")));
    }

    static List<Labelled> paraphrases() {
        return read("faq-paraphrases.csv", r -> new Labelled(r.get("text"), r.get("question"), r.get("language")));
    }

    static List<Labelled> unanswerable() {
        return read("faq-unanswerable.csv", r -> new Labelled(r.get("text"), "", r.get("language")));
    }

    static boolean right(String expected, IntentGuess guess) {
        return guess.intent() == null ? expected.equals("other") : guess.intent().equals(expected);
    }

    /** Case and spacing do not make two examples different. */
    static String comparable(String text) {
        return text.strip().replaceAll("\\s+", " ").toLowerCase(java.util.Locale.ROOT);
    }

    private static String language(String text) {
        if (text.codePoints().anyMatch(c -> Character.UnicodeBlock.of(c) == Character.UnicodeBlock.DEVANAGARI)) {
            return "hi";
        }
        return "en+hinglish";
    }

    private static <T> List<T> read(String file, java.util.function.Function<CSVRecord, T> row) {
        var stream = Objects.requireNonNull(KnowledgeEvaluationTests.class.getResourceAsStream("/knowledge-eval/" + file));
        try (var reader = new InputStreamReader(stream, StandardCharsets.UTF_8);
                var parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
            return parser.getRecords().stream().map(row).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
