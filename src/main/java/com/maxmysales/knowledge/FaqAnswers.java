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
}
