package com.maxmysales.chatbot;

import java.net.URI;

import com.maxmysales.platform.Refusal;
import com.maxmysales.platform.outbound.OutboundGuard;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Which LLM base URLs a workspace may give. The endpoint receives the business's API key and its customers'
 * (redacted) questions, so it is https; plain http only where the operator opened its own network to
 * workspace-chosen calls (an Ollama or vLLM next to the platform), never to a public host by default.
 */
@Component
class LlmEndpointRule {

    private final boolean plainHttpAllowed;

    @Autowired
    LlmEndpointRule(OutboundGuard guard) {
        this(guard.privateAddressesAllowed());
    }

    LlmEndpointRule(boolean plainHttpAllowed) {
        this.plainHttpAllowed = plainHttpAllowed;
    }

    /**
     * Whether a stored endpoint may still be called: one saved as plain http before this rule, or while the operator
     * allowed it, is not sent the key and the questions once the operator closes its network.
     */
    boolean allows(String url) {
        try {
            check(url);
            return true;
        } catch (Refusal refused) {
            return false;
        }
    }

    /** The URL as given, or a refusal saying what an endpoint must be. */
    String check(String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException bad) {
            throw invalid();
        }
        if (uri.getHost() == null || uri.getUserInfo() != null) {
            throw invalid();
        }
        if ("http".equals(uri.getScheme()) && !plainHttpAllowed) {
            throw Refusal.invalid("invalid-llm", "LLM endpoint must use https",
                    "the endpoint receives your API key and your customers' questions: give its https:// URL"
                            + " (plain http is for a server on the operator's own network, when the operator allows it)");
        }
        if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme())) {
            throw invalid();
        }
        return url;
    }

    private static Refusal invalid() {
        return Refusal.invalid("invalid-llm", "Invalid LLM endpoint",
                "baseUrl is the endpoint's https URL up to its version, like https://api.openai.com/v1");
    }
}
