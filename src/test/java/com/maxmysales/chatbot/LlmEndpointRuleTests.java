package com.maxmysales.chatbot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.maxmysales.platform.Refusal;

import org.junit.jupiter.api.Test;

/** An LLM endpoint gets the business's key and its customers' questions: https, or http only on the operator's own network. */
class LlmEndpointRuleTests {

    private final LlmEndpointRule closedNetwork = new LlmEndpointRule(false);
    private final LlmEndpointRule openNetwork = new LlmEndpointRule(true);

    @Test
    void plainHttpIsRefusedUnlessTheOperatorOpenedItsNetwork() {
        assertThatThrownBy(() -> closedNetwork.check("http://llm.example.com/v1")).isInstanceOf(Refusal.class)
                .satisfies(refusal -> {
                    assertThat(((Refusal) refusal).code()).isEqualTo("invalid-llm");
                    assertThat(((Refusal) refusal).title()).contains("https");
                });
        assertThat(closedNetwork.allows("http://llm.example.com/v1")).isFalse();

        assertThat(openNetwork.check("http://ollama.internal:11434/v1")).isEqualTo("http://ollama.internal:11434/v1");
        assertThat(openNetwork.allows("http://ollama.internal:11434/v1")).isTrue();
    }

    @Test
    void httpsIsAcceptedEitherWay() {
        assertThat(closedNetwork.check("https://api.openai.com/v1")).isEqualTo("https://api.openai.com/v1");
        assertThat(openNetwork.allows("https://api.openai.com/v1")).isTrue();
    }

    @Test
    void otherSchemesCredentialsAndRelativeUrlsAreRefused() {
        for (var url : new String[] { "ftp://llm.example.com/v1", "https://user:pw@llm.example.com/v1", "/v1",
                "file:///etc/passwd", "https://exa mple.com" }) {
            assertThat(openNetwork.allows(url)).as(url).isFalse();
            assertThatThrownBy(() -> openNetwork.check(url)).as(url).isInstanceOf(Refusal.class);
        }
    }
}
