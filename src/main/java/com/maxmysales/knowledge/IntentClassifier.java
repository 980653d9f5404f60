package com.maxmysales.knowledge;

import com.maxmysales.shared.WorkspaceId;
import org.springframework.stereotype.Service;

/** Tells which of the workspace's intents a customer's message expresses, trained on the workspace's examples. */
@Service
public class IntentClassifier {

    private final KnowledgeIndexes indexes;

    IntentClassifier(KnowledgeIndexes indexes) {
        this.indexes = indexes;
    }

    public IntentGuess classify(WorkspaceId workspace, String text) {
        if (text.isBlank()) {
            return IntentGuess.none(0);
        }
        var model = indexes.intents(workspace);
        return model.classify(indexes.query(text));
    }

    /** {@link #classify(WorkspaceId, String)} with the message's embedding made once for the FAQ too. */
    public IntentGuess classify(WorkspaceId workspace, EmbeddedText text) {
        var query = text.query();
        return query == null ? IntentGuess.none(0) : indexes.intents(workspace).classify(query);
    }
}
