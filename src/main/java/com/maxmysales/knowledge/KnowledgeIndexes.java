package com.maxmysales.knowledge;

import com.maxmysales.shared.WorkspaceId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import org.springframework.stereotype.Component;

/**
 * The in-memory FAQ index and intent model of each workspace. Building one needs the embedding of every text:
 * each is computed once, stored beside its text and reused, so a question costs one embedding (its own), never
 * one per entry. A cached index is used while its workspace's revision (one small query) is unchanged, so an
 * upload on any node is seen by every node; workspaces on the defaults share one copy, built on first use.
 */
@Component
class KnowledgeIndexes {

    private record Built<T>(long revision, T index) {
    }

    private final KnowledgeEmbedder embedder;
    private final KnowledgeDatasets datasets;
    private final FaqEntries faqEntries;
    private final IntentExamples intentExamples;
    private final ConcurrentHashMap<WorkspaceId, Built<FaqIndex>> faq = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<WorkspaceId, Built<IntentModel>> intents = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<WorkspaceId, Object> building = new ConcurrentHashMap<>();
    private volatile FaqIndex defaultFaq;
    private volatile IntentModel defaultIntents;

    KnowledgeIndexes(SentenceEmbeddings embeddings, KnowledgeDatasets datasets, FaqEntries faqEntries,
            IntentExamples intentExamples) {
        this.embedder = new KnowledgeEmbedder(embeddings);
        this.datasets = datasets;
        this.faqEntries = faqEntries;
        this.intentExamples = intentExamples;
    }

    Query query(String text) {
        return embedder.query(text);
    }

    FaqIndex faq(WorkspaceId workspace) {
        var revision = datasets.revisions(workspace).get(KnowledgeDatasets.FAQ);
        if (revision == null) {
            return defaultFaq();
        }
        var cached = faq.get(workspace);
        if (cached != null && cached.revision() == revision) {
            return cached.index();
        }
        synchronized (building.computeIfAbsent(workspace, w -> new Object())) {
            cached = faq.get(workspace);
            if (cached != null && cached.revision() == revision) {
                return cached.index();
            }
            var stored = faqEntries.stored(workspace);
            var queries = embedded(stored.stream().map(FaqEntries.Stored::question).toList(),
                    (text, query) -> faqEntries.cacheEmbedding(workspace, text.id(), query.text(), query.vector()));
            var index = new FaqIndex(stored.stream().map(FaqEntries.Stored::entry).toList(), queries);
            faq.put(workspace, new Built<>(revision, index));
            return index;
        }
    }

    IntentModel intents(WorkspaceId workspace) {
        var revision = datasets.revisions(workspace).get(KnowledgeDatasets.INTENTS);
        if (revision == null) {
            return defaultIntents();
        }
        var cached = intents.get(workspace);
        if (cached != null && cached.revision() == revision) {
            return cached.index();
        }
        synchronized (building.computeIfAbsent(workspace, w -> new Object())) {
            cached = intents.get(workspace);
            if (cached != null && cached.revision() == revision) {
                return cached.index();
            }
            var stored = intentExamples.stored(workspace);
            var queries = embedded(stored.stream().map(IntentExamples.Stored::text).toList(),
                    (text, query) -> intentExamples.cacheEmbedding(workspace, text.id(), query.text(), query.vector()));
            var model = new IntentModel(stored.stream()
                    .map(s -> new IntentExample(s.text().text(), s.intent())).toList(), queries);
            intents.put(workspace, new Built<>(revision, model));
            return model;
        }
    }

    /** The defaults' examples embedded, for the quality report of a workspace still on them. */
    IntentModel defaultIntentModel() {
        return defaultIntents();
    }

    KnowledgeEmbedder embedder() {
        return embedder;
    }

    /** The cached embeddings where they are still valid; the rest computed in one batch and stored for next time. */
    private List<Query> embedded(List<StoredText> texts, BiConsumer<StoredText, Query> cache) {
        var forms = texts.stream().map(t -> MatchingText.of(t.text())).toList();
        var missing = new ArrayList<Integer>();
        var queries = new ArrayList<Query>(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            var vector = texts.get(i).cachedFor(forms.get(i));
            queries.add(vector == null ? null : Query.of(forms.get(i), vector));
            if (vector == null) {
                missing.add(i);
            }
        }
        if (!missing.isEmpty()) {
            var computed = embedder.queries(missing.stream().map(i -> texts.get(i).text()).toList());
            for (int j = 0; j < missing.size(); j++) {
                int i = missing.get(j);
                queries.set(i, computed.get(j));
                cache.accept(texts.get(i), computed.get(j));
            }
        }
        return queries;
    }

    private synchronized FaqIndex defaultFaq() {
        if (defaultFaq == null) {
            var entries = DefaultDatasets.faq();
            defaultFaq = new FaqIndex(entries, embedder.queries(entries.stream().map(FaqEntry::question).toList()));
        }
        return defaultFaq;
    }

    private synchronized IntentModel defaultIntents() {
        if (defaultIntents == null) {
            var examples = DefaultDatasets.intents();
            defaultIntents = new IntentModel(examples,
                    embedder.queries(examples.stream().map(IntentExample::text).toList()));
        }
        return defaultIntents;
    }
}
