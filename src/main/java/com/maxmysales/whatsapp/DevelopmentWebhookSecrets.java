package com.maxmysales.whatsapp;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import com.maxmysales.platform.SecretFiles;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * A development platform (its sandbox on) with no app secret or verify token of its own gets ones generated for
 * this install, kept under {@code <data-dir>/secrets/}: a secret shipped in the jar would let anyone on the
 * internet sign webhooks that the platform takes for Meta's. The sandbox signs with the same setting, so it
 * keeps working. A production platform (sandbox off) gets nothing here: it must be given Meta's own values.
 */
class DevelopmentWebhookSecrets implements EnvironmentPostProcessor, Ordered {

    static final String APP_SECRET = "maxmysales.whatsapp.app-secret";
    static final String VERIFY_TOKEN = "maxmysales.whatsapp.verify-token";
    /** Values earlier versions shipped in application.yml: public, so never a secret. */
    static final Set<String> PUBLISHED = Set.of("sandbox-dev-app-secret", "sandbox-dev-verify-token");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.getProperty("maxmysales.sandbox.enabled", Boolean.class, true)) {
            return;
        }
        var secrets = Path.of(environment.getProperty("maxmysales.data-dir", "./data")).resolve("secrets");
        var generated = new HashMap<String, Object>();
        if (unset(environment.getProperty(APP_SECRET))) {
            generated.put(APP_SECRET, SecretFiles.loadOrCreateHex(secrets.resolve("whatsapp-app-secret"), 32).reveal());
        }
        if (unset(environment.getProperty(VERIFY_TOKEN))) {
            generated.put(VERIFY_TOKEN, SecretFiles.loadOrCreateHex(secrets.resolve("whatsapp-verify-token"), 16).reveal());
        }
        if (!generated.isEmpty()) {
            environment.getPropertySources().addFirst(new MapPropertySource("development webhook secrets", Map.copyOf(generated)));
        }
    }

    private static boolean unset(String value) {
        return value == null || value.isBlank() || PUBLISHED.contains(value.strip());
    }

    /** After application.yml and the command line are read, so that a configured value wins. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
