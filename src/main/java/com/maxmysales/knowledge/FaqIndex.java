package com.maxmysales.knowledge;

import java.util.List;
import java.util.Optional;

/** A workspace's FAQ questions with their embeddings, searched for the one closest to a customer's question. */
final class FaqIndex {

    /** How a question is scored against an entry: the trigram share of the blend and the score to answer. */
    record Tuning(double lexical, double threshold) {
    }

    static final Tuning TUNED = new Tuning(0.0, 0.37);

    private final List<FaqEntry> entries;
    private final List<Query> questions;
    private final Tuning tuning;

    FaqIndex(List<FaqEntry> entries, List<Query> questions) {
        this(entries, questions, TUNED);
    }

    FaqIndex(List<FaqEntry> entries, List<Query> questions, Tuning tuning) {
        this.tuning = tuning;
        if (entries.size() != questions.size()) {
            throw new IllegalArgumentException("one embedded question per entry");
        }
        this.entries = List.copyOf(entries);
        this.questions = List.copyOf(questions);
    }

    Optional<FaqAnswer> answer(Query query) {
        return best(query).filter(answer -> answer.confidence() >= tuning.threshold());
    }

    /** The closest entry whatever its score: what the "try a question" box and the evaluation show. */
    Optional<FaqAnswer> best(Query query) {
        int bestIndex = -1;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < questions.size(); i++) {
            var score = query.similarity(questions.get(i), tuning.lexical());
            if (score > bestScore) {
                bestScore = score;
                bestIndex = i;
            }
        }
        if (bestIndex < 0) {
            return Optional.empty();
        }
        var entry = entries.get(bestIndex);
        return Optional.of(new FaqAnswer(entry.id(), entry.question(), entry.answer(), clamp(bestScore)));
    }

    int size() {
        return entries.size();
    }

    private static double clamp(double score) {
        return Math.max(0, Math.min(1, score));
    }
}
