package com.maxmysales.knowledge;

import com.maxmysales.shared.WorkspaceId;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The in-memory FAQ index and intent model of each workspace, built on first use and dropped when the workspace
 * changes its entries or examples. Building one embeds every text, so it happens once per change, never per
 * question; workspaces on the defaults share one copy.
 */
@Component
class KnowledgeIndexes {

    private final KnowledgeEmbedder embedder;
    private final ConcurrentHashMap<WorkspaceId, FaqIndex> faq = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<WorkspaceId, IntentModel> intents = new ConcurrentHashMap<>();
    private volatile FaqIndex defaultFaq;
    private volatile IntentModel defaultIntents;

    KnowledgeIndexes(SentenceEmbeddings embeddings) {
        this.embedder = new KnowledgeEmbedder(embeddings);
    }

    Query query(String text) {
        return embedder.query(text);
    }

    FaqIndex faq(WorkspaceId workspace) {
        return faq.computeIfAbsent(workspace, w -> defaultFaq());
    }

    IntentModel intents(WorkspaceId workspace) {
        return intents.computeIfAbsent(workspace, w -> defaultIntents());
    }

    void forget(WorkspaceId workspace) {
        faq.remove(workspace);
        intents.remove(workspace);
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
