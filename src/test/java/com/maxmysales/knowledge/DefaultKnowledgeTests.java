package com.maxmysales.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The matchers on the bundled defaults, with the real model and no Spring. */
class DefaultKnowledgeTests {

    private static final KnowledgeEmbedder EMBEDDER = new KnowledgeEmbedder(new SentenceEmbeddings());
    private static final FaqIndex FAQ = new FaqIndex(DefaultDatasets.faq(),
            EMBEDDER.queries(DefaultDatasets.faq().stream().map(FaqEntry::question).toList()));
    private static final IntentModel INTENTS = new IntentModel(DefaultDatasets.intents(),
            EMBEDDER.queries(DefaultDatasets.intents().stream().map(IntentExample::text).toList()));

    @Test
    void aQuestionTheFaqAnswersIsAnswered() {
        var answer = FAQ.answer(EMBEDDER.query("how many days for delivery?"));
        assertThat(answer).hasValueSatisfying(a -> assertThat(a.question()).isEqualTo("How long does delivery take?"));
    }

    @Test
    void aQuestionTheFaqDoesNotAnswerIsNotGuessed() {
        assertThat(FAQ.answer(EMBEDDER.query("who won the cricket match yesterday"))).isEmpty();
    }

    @Test
    void anOrderQuestionIsAnOrderStatus() {
        assertThat(INTENTS.classify(EMBEDDER.query("when will my order arrive? it has been a week")).intent())
                .isEqualTo("order_status");
    }

    @Test
    void theDefaultsAreTheSharedDatasets() {
        assertThat(DefaultDatasets.faq()).hasSize(40);
        assertThat(DefaultDatasets.sharedIntents()).hasSize(400);
        assertThat(DefaultDatasets.intents()).hasSize(400 + DefaultDatasets.extraIntents().size())
                .startsWith(DefaultDatasets.sharedIntents().toArray(IntentExample[]::new));
    }
}
