package com.maxmysales.whatsapp;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.maxmysales.shared.WorkspaceId;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Where Graph calls go (issue 11 item 2: with {@code graph-base-url} left blank, real numbers were sent to the
 * sandbox). Only the sandbox's own numbers and pages go to the sandbox; everything else goes to Meta.
 */
class GraphClientRoutingTests {

    private static final String SANDBOX = "http://127.0.0.1:8123/sandbox/graph/v25.0";

    @Test
    void aRealNumberGoesToMetaByDefaultAndNeverToTheSandbox() throws Exception {
        var graph = client(settings(""), true);

        assertThat(graph.baseUrl(GraphRoute.of(channel(false, null)))).isEqualTo("https://graph.facebook.com/v25.0");
        assertThat(graph.baseUrl(GraphRoute.CONFIGURED)).isEqualTo("https://graph.facebook.com/v25.0");
        assertThat(client(settings("https://graph.facebook.com"), true).baseUrl(GraphRoute.of(channel(false, null))))
                .isEqualTo("https://graph.facebook.com/v25.0");
    }

    @Test
    void aRealNumberWithItsOwnGraphApiGoesThere() throws Exception {
        var graph = client(settings("https://graph.facebook.com"), true);

        assertThat(graph.baseUrl(GraphRoute.of(channel(false, "https://graph-proxy.example/v23.0/"))))
                .isEqualTo("https://graph-proxy.example/v23.0");
    }

    @Test
    void onlyTheSandboxsOwnNumbersAndPagesGoToTheSandbox() throws Exception {
        var graph = client(settings("https://graph.facebook.com"), true);

        assertThat(graph.baseUrl(GraphRoute.of(channel(true, null)))).isEqualTo(SANDBOX);
        assertThat(graph.baseUrl(GraphRoute.SANDBOX)).isEqualTo(SANDBOX);
    }

    @Test
    void aBaseUrlRememberedForOneRouteIsNeverAnotherRoutes() throws Exception {
        var graph = client(settings("https://graph.facebook.com"), true);

        for (int round = 0; round < 2; round++) {
            assertThat(graph.baseUrl(GraphRoute.of(channel(true, null)))).isEqualTo(SANDBOX);
            assertThat(graph.baseUrl(GraphRoute.of(channel(false, null)))).isEqualTo("https://graph.facebook.com/v25.0");
            assertThat(graph.baseUrl(new GraphRoute(false, "https://graph-proxy.example", "v23.0")))
                    .isEqualTo("https://graph-proxy.example/v23.0");
        }
    }

    @Test
    void theSandboxsUrlIsNotRememberedBeforeTheServerListens() throws Exception {
        var environment = new MockEnvironment();
        var graph = new GraphClient(null, settings(""), null, JsonMapper.builder().build(), environment, true);
        graph.baseUrl(GraphRoute.SANDBOX);

        environment.setProperty("local.server.port", "8123");

        assertThat(graph.baseUrl(GraphRoute.SANDBOX)).isEqualTo(SANDBOX);
    }

    @Test
    void withTheSandboxOffItsNumbersReachNothingAndSendsAreRefusedForGood() {
        var graph = client(settings("https://graph.facebook.com"), false);

        assertThatThrownBy(() -> graph.baseUrl(GraphRoute.SANDBOX)).isInstanceOf(GraphCallFailed.class)
                .hasMessageContaining("maxmysales.sandbox.enabled=false");
        var outcome = graph.send(channel(true, null), "919800000001",
                com.maxmysales.whatsapp.message.MetaMessageJson.write(com.maxmysales.whatsapp.message.Text.of("hi")), "id", null);
        assertThat(outcome).isInstanceOfSatisfying(SendOutcome.Refused.class,
                refused -> assertThat(refused.retry()).isEqualTo(RetryAdvice.NEVER));
    }

    private static GraphClient client(WhatsAppSettings settings, boolean sandboxEnabled) {
        return new GraphClient(null, settings, null, JsonMapper.builder().build(),
                new MockEnvironment().withProperty("local.server.port", "8123"), sandboxEnabled);
    }

    private static WhatsAppSettings settings(String graphBaseUrl) {
        return new WhatsAppSettings("secret", List.of(), "verify", graphBaseUrl, "v25.0", 4_194_304, Duration.ofSeconds(20),
                4, 100, Duration.ofMillis(250), List.of(), List.of("lookaside.fbsbx.com"), Duration.ofMinutes(5));
    }

    private static Channel channel(boolean sandbox, String graphBaseUrl) {
        return new Channel(UUID.randomUUID(), WorkspaceId.random(), "100000000000001", "200000000000001",
                "+1 555 010 0001", graphBaseUrl, null, 80, sandbox, Instant.EPOCH);
    }
}
