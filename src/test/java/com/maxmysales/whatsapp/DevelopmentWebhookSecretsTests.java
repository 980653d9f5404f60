package com.maxmysales.whatsapp;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 11 (penetration test after the fence): the app secret shipped in application.yml let anyone sign webhooks
 * for a platform whose sandbox is on. Each install now generates its own; the published values count as unset.
 */
class DevelopmentWebhookSecretsTests {

    private final Path data = Path.of("target", "webhook-secrets", UUID.randomUUID().toString());

    @Test
    void aDevelopmentPlatformWithoutSecretsGetsItsOwnKeptForItsNextStart() throws Exception {
        var first = environment().withProperty("maxmysales.whatsapp.app-secret", "");
        new DevelopmentWebhookSecrets().postProcessEnvironment(first, null);
        var again = environment();
        new DevelopmentWebhookSecrets().postProcessEnvironment(again, null);
        var elsewhere = new MockEnvironment().withProperty("maxmysales.data-dir", data.resolveSibling(UUID.randomUUID().toString()).toString());
        new DevelopmentWebhookSecrets().postProcessEnvironment(elsewhere, null);

        var secret = first.getProperty(DevelopmentWebhookSecrets.APP_SECRET);
        assertThat(secret).hasSize(64).isNotIn(DevelopmentWebhookSecrets.PUBLISHED);
        assertThat(first.getProperty(DevelopmentWebhookSecrets.VERIFY_TOKEN)).hasSize(32);
        assertThat(again.getProperty(DevelopmentWebhookSecrets.APP_SECRET)).as("the next start").isEqualTo(secret);
        assertThat(elsewhere.getProperty(DevelopmentWebhookSecrets.APP_SECRET)).as("another install").isNotEqualTo(secret);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve("secrets").resolve("whatsapp-app-secret"))))
                .isEqualTo("rw-------");
    }

    @Test
    void thePublishedDevelopmentValuesAreNeverUsed() {
        var environment = environment().withProperty("maxmysales.whatsapp.app-secret", "sandbox-dev-app-secret")
                .withProperty("maxmysales.whatsapp.verify-token", "sandbox-dev-verify-token");

        new DevelopmentWebhookSecrets().postProcessEnvironment(environment, null);

        assertThat(environment.getProperty(DevelopmentWebhookSecrets.APP_SECRET)).isNotIn(DevelopmentWebhookSecrets.PUBLISHED);
        assertThat(environment.getProperty(DevelopmentWebhookSecrets.VERIFY_TOKEN)).isNotIn(DevelopmentWebhookSecrets.PUBLISHED);
    }

    @Test
    void configuredValuesAndProductionPlatformsAreLeftAsTheyAre() {
        var configured = environment().withProperty("maxmysales.whatsapp.app-secret", "the operator's")
                .withProperty("maxmysales.whatsapp.verify-token", "theirs too");
        var production = environment().withProperty("maxmysales.sandbox.enabled", "false");

        new DevelopmentWebhookSecrets().postProcessEnvironment(configured, null);
        new DevelopmentWebhookSecrets().postProcessEnvironment(production, null);

        assertThat(configured.getProperty(DevelopmentWebhookSecrets.APP_SECRET)).isEqualTo("the operator's");
        assertThat(configured.getProperty(DevelopmentWebhookSecrets.VERIFY_TOKEN)).isEqualTo("theirs too");
        assertThat(production.getProperty(DevelopmentWebhookSecrets.APP_SECRET)).as("left for the start check to refuse").isNull();
        assertThat(data.resolve("secrets")).doesNotExist();
    }

    private MockEnvironment environment() {
        return new MockEnvironment().withProperty("maxmysales.data-dir", data.toString());
    }
}
