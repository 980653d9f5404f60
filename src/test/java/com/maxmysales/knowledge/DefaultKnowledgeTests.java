package com.maxmysales.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import com.maxmysales.shared.WorkspaceId;
import org.junit.jupiter.api.Test;

/** The public API on the bundled defaults, with the real model and no Spring. */
class DefaultKnowledgeTests {

    private static final KnowledgeIndexes INDEXES = new KnowledgeIndexes(new SentenceEmbeddings());
    private final WorkspaceId workspace = WorkspaceId.random();

    @Test
    void aQuestionTheFaqAnswersIsAnswered() {
        var answer = new FaqAnswers(INDEXES).answer(workspace, "how many days for delivery?");
        assertThat(answer).hasValueSatisfying(a -> assertThat(a.question()).isEqualTo("How long does delivery take?"));
    }

    @Test
    void aQuestionTheFaqDoesNotAnswerIsNotGuessed() {
        assertThat(new FaqAnswers(INDEXES).answer(workspace, "who won the cricket match yesterday")).isEmpty();
    }

    @Test
    void anOrderQuestionIsAnOrderStatus() {
        var guess = new IntentClassifier(INDEXES).classify(workspace, "when will my order arrive? it has been a week");
        assertThat(guess.intent()).isEqualTo("order_status");
    }
}
