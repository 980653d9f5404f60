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
}
