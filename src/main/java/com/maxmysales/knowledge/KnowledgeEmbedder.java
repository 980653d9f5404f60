package com.maxmysales.knowledge;

import java.util.List;

/** Turns texts into {@link Query queries}: matching form first, then the embedding of that form, unit length. */
final class KnowledgeEmbedder {

    private final SentenceEmbeddings embeddings;

    KnowledgeEmbedder(SentenceEmbeddings embeddings) {
        this.embeddings = embeddings;
    }

    Query query(String text) {
        var matching = MatchingText.of(text);
        return Query.of(matching, Vectors.unit(embeddings.embed(matching.isEmpty() ? text : matching)));
    }

    List<Query> queries(List<String> texts) {
        var matching = texts.stream().map(MatchingText::of).toList();
        var forModel = matching.stream().map(m -> m.isEmpty() ? "?" : m).toList();
        var vectors = embeddings.embedAll(forModel);
        return java.util.stream.IntStream.range(0, texts.size())
                .mapToObj(i -> Query.of(matching.get(i), Vectors.unit(vectors.get(i)))).toList();
    }
}
