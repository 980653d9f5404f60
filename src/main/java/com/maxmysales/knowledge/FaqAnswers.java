package com.maxmysales.knowledge;

import com.maxmysales.shared.WorkspaceId;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Answers a customer's question from the workspace's FAQ, or abstains: empty when no entry is close enough, so
 * that the bot offers a person instead of guessing.
 */
@Service
public class FaqAnswers {

    private final KnowledgeIndexes indexes;

    FaqAnswers(KnowledgeIndexes indexes) {
        this.indexes = indexes;
    }

    public Optional<FaqAnswer> answer(WorkspaceId workspace, String text) {
        if (text.isBlank()) {
            return Optional.empty();
        }
        var index = indexes.faq(workspace);
        return index.answer(indexes.query(text));
    }

    /** {@link #answer(WorkspaceId, String)} with the message's embedding made once for the intent classifier too. */
    public Optional<FaqAnswer> answer(WorkspaceId workspace, EmbeddedText text) {
        var query = text.query();
        return query == null ? Optional.empty() : indexes.faq(workspace).answer(query);
    }

    /** The message's embedding, for {@link IntentClassifier#classify(WorkspaceId, EmbeddedText)} and this. */
    public EmbeddedText embed(String text) {
        return new EmbeddedText(text, text.isBlank() ? null : indexes.query(text));
    }
}
