package com.maxmysales.chatbot;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** A published flow is parsed once per version: the same JSON gives the same flow, a new publish a new one. */
class ParsedFlowsTests {

    private static final String FIRST = """
            {"name": "t", "trigger": {"type": "keywords", "keywords": ["price"]}, "start": "a", "steps": [
              {"id": "a", "type": "message", "text": "Shirts are 499 rupees."}]}""";
    private static final String REPUBLISHED = FIRST.replace("499", "599");

    private final ParsedFlows parsed = new ParsedFlows(JsonMapper.builder().build());

    @Test
    void theSameJsonIsReadOnceAndAChangedOneAgain() {
        var id = UUID.randomUUID();
        var first = parsed.read(new FlowStore.Live(id, FIRST));
        assertThat(parsed.read(new FlowStore.Live(id, FIRST))).as("not parsed again").isSameAs(first);

        var republished = parsed.read(new FlowStore.Live(id, REPUBLISHED));
        assertThat(republished).isNotSameAs(first);
        assertThat(((Flow.Step.Say) republished.steps().get("a")).text()).isEqualTo("Shirts are 599 rupees.");
    }

    @Test
    void aFlowThatNoLongerReadsIsSkipped() {
        assertThat(parsed.read(new FlowStore.Live(UUID.randomUUID(), "{\"name\": \"broken\"}"))).isNull();
    }
}
