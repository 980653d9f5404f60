package com.maxmysales.knowledge;

import com.maxmysales.shared.WorkspaceId;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BiConsumer;
import org.springframework.stereotype.Component;

/**
 * The in-memory FAQ index and intent model of each workspace. Building one needs the embedding of every text:
 * each is computed once, stored beside its text and reused, so a question costs one embedding (its own), never
 * one per entry. A cached index is used while its workspace's revision (one small query) is unchanged, so an
 * upload on any node is seen by every node; workspaces on the defaults share one copy, built on first use.
 * Intent models are trained in the background ({@link IntentTraining}): the old model answers meanwhile.
 */
@Component
class KnowledgeIndexes {

    private record Built<T>(long revision, T index) {
    }

    /** The key the defaults' model is kept under: no workspace has this id. */
    private static final WorkspaceId DEFAULTS = new WorkspaceId(new UUID(0, 0));

    private final KnowledgeEmbedder embedder;
    private final KnowledgeDatasets datasets;
    private final FaqEntries faqEntries;
    private final IntentExamples intentExamples;
    private final ConcurrentHashMap<WorkspaceId, Built<FaqIndex>> faq = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<WorkspaceId, Object> building = new ConcurrentHashMap<>();
    private volatile FaqIndex defaultFaq;
    /** Training is CPU-bound: one at a time on its own thread leaves the other cores to the request path. */
    private final ExecutorService trainer = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("intent-training").daemon().factory());
    /** The cross-validations, apart: a large workspace's evaluation never holds up another workspace's training. */
    private final ExecutorService evaluator = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("intent-evaluation").daemon().factory());
    private final IntentTraining training;
    /** Workspaces this node answered with the defaults: after their first upload the defaults answer meanwhile. */
    private final Set<WorkspaceId> servedDefaults = ConcurrentHashMap.newKeySet();

    KnowledgeIndexes(SentenceEmbeddings embeddings, KnowledgeDatasets datasets, FaqEntries faqEntries,
            IntentExamples intentExamples, KnowledgeSettings settings, Clock clock) {
        this.training = new IntentTraining(this::loadIntents, IntentModel::new, trainer, evaluator, new IntentTraining.Retention(
                settings.maxIntentModels(), settings.intentModelIdle(), clock, Set.of(DEFAULTS)));
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
            servedDefaults.add(workspace);
            return training.model(DEFAULTS, 0);
        }
        if (servedDefaults.contains(workspace)) {
            // It answered with the defaults until its first upload: they answer until its own model is trained.
            var own = training.modelIfTrained(workspace, revision);
            if (own.isPresent()) {
                servedDefaults.remove(workspace);
                return own.get();
            }
            return training.model(DEFAULTS, 0);
        }
        return training.model(workspace, revision);
    }

    /** Called after a change of the workspace's examples is committed: trains them in the background. */
    void intentsChanged(WorkspaceId workspace) {
        var revision = datasets.revisions(workspace).get(KnowledgeDatasets.INTENTS);
        if (revision != null) {
            training.retrain(workspace, revision);
        }
    }

    /** The quality of the model the workspace answers with, and whether a newer one is being trained. */
    IntentTraining.Status intentStatus(WorkspaceId workspace) {
        var revision = datasets.revisions(workspace).get(KnowledgeDatasets.INTENTS);
        return revision == null ? training.status(DEFAULTS, 0) : training.status(workspace, revision);
    }

    private IntentTraining.Examples loadIntents(WorkspaceId workspace, long revision) {
        if (workspace.equals(DEFAULTS)) {
            // The shared dataset first: only its examples are held out in the cross-validation the page shows.
            var examples = DefaultDatasets.intents();
            return new IntentTraining.Examples(0, examples,
                    embedder.queries(examples.stream().map(IntentExample::text).toList()),
                    DefaultDatasets.sharedIntents().size());
        }
        var stored = intentExamples.stored(workspace);
        var queries = embedded(stored.stream().map(IntentExamples.Stored::text).toList(),
                (text, query) -> intentExamples.cacheEmbedding(workspace, text.id(), query.text(), query.vector()));
        return new IntentTraining.Examples(revision,
                stored.stream().map(s -> new IntentExample(s.text().text(), s.intent())).toList(), queries);
    }

    @PreDestroy
    void stopTraining() {
        trainer.shutdownNow();
        evaluator.shutdownNow();
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
}
