package com.maxmysales.web;

import java.util.List;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * What this install offers, from its configuration, so that the public site and the privacy notice promise only
 * that. Features not built yet (campaigns, the chatbot, the breach register) are not listed here at all: they are
 * described once they exist.
 */
@Component
public class SiteFeatures {

    private final List<String> aiProcessors;
    private final boolean sandbox;

    SiteFeatures(Environment environment) {
        var binder = Binder.get(environment);
        this.aiProcessors = binder.bind("maxmysales.privacy.requests.ai-processors",
                org.springframework.boot.context.properties.bind.Bindable.listOf(String.class)).orElse(List.of());
        this.sandbox = environment.getProperty("maxmysales.sandbox.enabled", Boolean.class, true);
    }

    /** The external AI processors personal data may go to (masked), as the operator configured them; often none. */
    public List<String> aiProcessors() {
        return aiProcessors;
    }

    public boolean anyAiProcessor() {
        return !aiProcessors.isEmpty();
    }

    /** The built-in Cloud API sandbox: a new workspace can try everything without a Meta account. */
    public boolean sandbox() {
        return sandbox;
    }
}
