package com.maxmysales.optout;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The detector against an evaluation set written before it was tuned ({@code src/test/resources/optout-eval}):
 * opt-outs in English, Hinglish and Devanagari Hindi (keywords, typos, polite and blunt sentences, emoji), tricky
 * negatives ("non-stop", "stop by the shop", "don't stop sending my order updates", shop hours, orders, questions
 * about others, quotes) and uncertain messages that deserve a question. Prints a table per language and form.
 */
class OptOutDetectorEvaluationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final KeywordSet DEFAULTS = KeywordSet.of(List.of());

    record Case(String language, String form, String text) {}

    enum Outcome { STOP, ASK, NONE }

    @Test
    void recallIsAtLeast95PercentWithNoFalseOptOut() throws IOException {
        var optOuts = evaluate("opt-outs.tsv");
        var negatives = evaluate("negatives.tsv");
        var uncertain = evaluate("uncertain.tsv");

        print("opt-outs (should stop)", optOuts);
        print("tricky negatives (should do nothing)", negatives);
        print("uncertain (should ask)", uncertain);

        assertThat(optOuts.size()).as("opt-out messages").isGreaterThanOrEqualTo(100);
        assertThat(negatives.size()).as("tricky negatives").isGreaterThanOrEqualTo(100);
        var caught = optOuts.entrySet().stream().filter(entry -> entry.getValue() == Outcome.STOP).count();
        assertThat((double) caught / optOuts.size()).as("recall; missed: " + texts(optOuts, Outcome.ASK, Outcome.NONE))
                .isGreaterThanOrEqualTo(0.95);
        assertThat(texts(negatives, Outcome.STOP)).as("false opt-outs").isEmpty();
    }

    private Map<Case, Outcome> evaluate(String file) throws IOException {
        var results = new java.util.LinkedHashMap<Case, Outcome>();
        for (var evaluationCase : read(file)) {
            results.put(evaluationCase, classify(evaluationCase.text()));
        }
        return results;
    }

    private static Outcome classify(String text) {
        return OptOutDetector.detect(DEFAULTS, "text", text, null, JSON)
                .filter(intent -> intent.kind() == Intent.Kind.STOP).map(intent -> Outcome.STOP).orElse(Outcome.NONE);
    }

    private static List<Case> read(String file) throws IOException {
        try (InputStream in = OptOutDetectorEvaluationTests.class.getResourceAsStream("/optout-eval/" + file)) {
            assertThat(in).as(file).isNotNull();
            var cases = new ArrayList<Case>();
            for (var line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                var columns = line.split("\t", 3);
                cases.add(new Case(columns[0], columns[1], columns[2]));
            }
            return cases;
        }
    }

    private static List<String> texts(Map<Case, Outcome> results, Outcome... outcomes) {
        var wanted = List.of(outcomes);
        return results.entrySet().stream().filter(entry -> wanted.contains(entry.getValue()))
                .map(entry -> entry.getKey().text()).toList();
    }

    private static void print(String title, Map<Case, Outcome> results) {
        var rows = new TreeMap<String, int[]>();
        results.forEach((evaluationCase, outcome) -> {
            for (var key : List.of(evaluationCase.language() + " / " + evaluationCase.form(),
                    evaluationCase.language() + " / all", "all")) {
                var counts = rows.computeIfAbsent(key, k -> new int[4]);
                counts[0]++;
                counts[outcome.ordinal() + 1]++;
            }
        });
        var table = new StringBuilder("\n" + title + "\n");
        table.append(String.format("| %-24s | %5s | %5s | %5s | %5s |%n", "language / form", "n", "stop", "ask", "none"));
        rows.forEach((key, counts) -> table.append(String.format("| %-24s | %5d | %5d | %5d | %5d |%n", key,
                counts[0], counts[1], counts[2], counts[3])));
        System.out.println(table);
    }
}
