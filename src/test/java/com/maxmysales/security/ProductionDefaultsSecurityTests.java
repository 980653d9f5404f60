package com.maxmysales.security;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import com.maxmysales.support.Http;
import com.maxmysales.support.MetaWebhooks;
import com.maxmysales.support.PlatformProcess;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 11 item 5, "defaults that must not reach production": the shipped development app secret and verify
 * token were accepted silently with the sandbox off. The platform as an operator runs it, in its own JVM.
 */
// Waits on platforms of its own, so it runs beside the in-JVM tests (junit-platform.properties).
@Execution(ExecutionMode.CONCURRENT)
class ProductionDefaultsSecurityTests {

    /** Item 5: with the sandbox off, default or empty secrets and no master key stop the platform, named. */
    @Test
    void withoutItsSandboxThePlatformRefusesToStartOnDevelopmentDefaultsAndSaysWhatToSet() throws Exception {
        var data = dataDirectory();
        try (var refused = PlatformProcess.start(data, "--maxmysales.sandbox.enabled=false",
                "--maxmysales.whatsapp.verify-token=")) {
            assertThat(refused.awaitExit(Duration.ofSeconds(90))).isNotZero();
            assertThat(refused.output())
                    .contains("APPLICATION FAILED TO START")
                    .contains("maxmysales.whatsapp.app-secret (MAXMYSALES_WHATSAPP_APP_SECRET)")
                    .contains("maxmysales.whatsapp.verify-token (MAXMYSALES_WHATSAPP_VERIFY_TOKEN)")
                    .contains("maxmysales.privacy.master-key (MAXMYSALES_PRIVACY_MASTER_KEY)")
                    .doesNotContain("sandbox-dev-app-secret");
        }
        assertThat(data.resolve("pg")).as("refused before its database started").doesNotExist();
        assertThat(data.resolve("keys").resolve("master.key")).as("no development key made").doesNotExist();
    }

    /**
     * Item 5, and the production configuration started as a whole (it never was): with its own secrets and
     * master key a platform without its sandbox starts, checks Meta's webhooks with its own secrets only, and has
     * neither a sandbox nor a demo workspace. Make the sandbox's beans whatever maxmysales.sandbox.enabled says
     * (WhenSandboxEnabled) → a sandbox number is connected: fails.
     */
    @Test
    void withItsOwnSettingsAProductionPlatformStartsWithoutSandboxOrDemo() throws Exception {
        var data = PlatformProcess.preparedDataDirectory("production-data");
        var appSecret = "prod-app-secret-" + UUID.randomUUID();
        var verifyToken = "prod-verify-" + UUID.randomUUID();
        var masterKey = new byte[32];
        new SecureRandom().nextBytes(masterKey);
        try (var platform = PlatformProcess.start(data, "--maxmysales.sandbox.enabled=false",
                "--maxmysales.whatsapp.app-secret=" + appSecret, "--maxmysales.whatsapp.verify-token=" + verifyToken,
                "--maxmysales.privacy.master-key=" + Base64.getEncoder().encodeToString(masterKey))) {
            platform.awaitHealthy(Duration.ofSeconds(120));
            var http = new Http(platform.port());

            var verify = "/webhooks/whatsapp?hub.mode=subscribe&hub.challenge=2718&hub.verify_token=";
            assertThat(http.get(verify + verifyToken, null).body()).isEqualTo("2718");
            assertThat(http.get(verify + "sandbox-dev-verify-token", null).status()).isEqualTo(403);
            var webhook = MetaWebhooks.statuses("100000000000001",
                    MetaWebhooks.status("wamid.PROD" + UUID.randomUUID(), "sent", 1767229200, "919800000001"));
            assertThat(http.post("/webhooks/whatsapp", null, webhook, Map.of("X-Hub-Signature-256", MetaWebhooks.sign(webhook)))
                    .status()).as("signed with the development secret").isEqualTo(401);
            assertThat(http.post("/webhooks/whatsapp", null, webhook,
                    Map.of("X-Hub-Signature-256", MetaWebhooks.sign(appSecret, webhook))).status()).isEqualTo(200);

            var apiKey = http.createWorkspace("Production");
            var sandboxNumber = http.post("/api/v1/channels", apiKey, "{\"sandbox\": true}");
            assertThat(sandboxNumber.status()).isEqualTo(404);
            assertThat(sandboxNumber.json().get("type").asString()).isEqualTo("urn:maxmysales:problem:sandbox-off");
            assertThat(http.post("/api/v1/lead-sources", apiKey, "{\"type\": \"meta\", \"sandbox\": true}").status())
                    .isEqualTo(404);
            assertThat(http.get("/sandbox/graph/v25.0/100000000000001", apiKey).status()).isEqualTo(404);
            assertThat(http.post("/sandbox/customers/%2B919811122233/messages", null, "{}").status()).isEqualTo(401);
            assertThat(http.get("/sandbox/phone", apiKey).status()).isEqualTo(404);

            assertThat(data.resolve("demo-login.txt")).doesNotExist();
            assertThat(platform.output()).doesNotContain("demo workspace");
            assertThat(data.resolve("keys").resolve("master.key")).doesNotExist();
        }
    }

    private static Path dataDirectory() throws Exception {
        return Files.createDirectories(Path.of("target", "production-data", UUID.randomUUID().toString()));
    }
}
