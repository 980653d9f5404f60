package com.maxmysales.chatbot;

import org.jspecify.annotations.Nullable;

/**
 * The optional LLM of a workspace: an OpenAI-compatible endpoint (OpenAI, Azure OpenAI, Ollama, vLLM), off by
 * default. The API key is stored encrypted and never shown again.
 *
 * @param baseUrl up to the version, e.g. {@code https://api.openai.com/v1}; {@code /chat/completions} is added
 */
public record LlmSettings(boolean enabled, @Nullable String baseUrl, @Nullable String model, boolean hasApiKey) {

    static final LlmSettings OFF = new LlmSettings(false, null, null, false);

    public boolean usable() {
        return enabled && baseUrl != null && model != null;
    }
}
