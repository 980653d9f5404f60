package com.maxmysales.platform;

import java.util.ArrayList;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.maxmysales.support.CountingEndpoint;
import com.maxmysales.support.Http;
import com.maxmysales.support.PlatformTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.maxmysales.support.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;

/** The Idempotency-Key mechanism every POST of /api/v1 gets, on an endpoint that counts its executions. */
@PlatformTest
class IdempotencySystemTests {

    @LocalServerPort
    int port;
    @Autowired
    CountingEndpoint endpoint;
    Http http;
    String key;
    /** Labels are counted across the platform's life: each test's are its own. */
    String run;

    @BeforeEach
    void workspace() {
        http = new Http(port);
        key = http.createWorkspace("Idempotent");
        run = UUID.randomUUID().toString();
    }

    @Test
    void aRetryWithTheSameKeyGetsTheFirstAnswerWithoutRunningAgain() {
        var first = post(order("a"), "order-a");
        var retry = post(order("a"), "order-a");

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(endpoint.runs.get(label("a"))).hasValue(1);
    }

    @Test
    void theSameKeyWithAnotherBodyIsRefused() {
        post(order("b"), "order-b");
        var reused = post(order("b2"), "order-b");

        assertThat(reused.status()).isEqualTo(422);
        assertThat(reused.json().get("type").asString()).isEqualTo("urn:maxmysales:problem:idempotency-key-reused");
        assertThat(endpoint.runs).doesNotContainKey(label("b2"));
    }

    /**
     * The first request is held inside the endpoint while seven duplicates arrive, so they overlap it for certain:
     * each is told the request is in progress, and the endpoint ran once. Let a duplicate that finds its key in
     * progress run (IdempotencyFilter) → it runs beside the first: fails.
     */
    @Test
    void duplicatesArrivingWhileTheFirstRunsAreToldItIsInProgressAndItRunsOnce() throws Exception {
        var release = new CountDownLatch(1);
        endpoint.holds.put(label("c"), release);
        var held = "{\"label\": \"" + label("c") + "\", \"held\": true}";
        var first = CompletableFuture.supplyAsync(() -> post(held, "order-c"));
        await(() -> endpoint.runs.containsKey(label("c")));

        var duplicates = new ArrayList<CompletableFuture<Http.Response>>();
        for (int i = 0; i < 7; i++) {
            duplicates.add(CompletableFuture.supplyAsync(() -> post(held, "order-c")));
        }
        duplicates.forEach(duplicate -> duplicate.completeOnTimeout(null, 10, TimeUnit.SECONDS));
        var statuses = duplicates.stream().map(CompletableFuture::join)
                .map(answer -> answer == null ? "no answer in 10 s" : String.valueOf(answer.status())).toList();
        release.countDown();

        assertThat(statuses).as("answered while the first was still running").containsOnly("409");
        assertThat(first.get().status()).isEqualTo(201);
        assertThat(post(held, "order-c").header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(endpoint.runs.get(label("c"))).hasValue(1);
    }

    @Test
    void aServerErrorIsNotRememberedSoTheRetryRuns() {
        var failFirst = "{\"label\": \"" + label("d") + "\", \"failFirst\": true}";
        assertThat(post(failFirst, "order-d").status()).isEqualTo(503);
        var retry = post(failFirst, "order-d");

        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.json().get("run").asInt()).isEqualTo(2);
    }

    @Test
    void aTooManyRequestsIsNotRememberedSoTheRetryRuns() {
        var busyFirst = "{\"label\": \"" + label("e") + "\", \"busyFirst\": true}";
        assertThat(post(busyFirst, "order-e").status()).isEqualTo(429);
        var retry = post(busyFirst, "order-e");

        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.json().get("run").asInt()).isEqualTo(2);
    }

    @Test
    void keysBelongToTheirWorkspaceAndAreOptional() {
        post(order("e"), "shared-key");
        var otherWorkspace = http.post("/api/v1/test-only/orders", http.createWorkspace("Other"), order("e"),
                Map.of("Idempotency-Key", "shared-key"));
        http.post("/api/v1/test-only/orders", key, order("e"));

        assertThat(otherWorkspace.header("Idempotent-Replayed")).isNull();
        assertThat(endpoint.runs.get(label("e"))).hasValue(3);
        assertThat(post(order("f"), "bad key with spaces").status()).isEqualTo(400);
    }

    private String label(String name) {
        return name + "-" + run;
    }

    private String order(String name) {
        return "{\"label\": \"" + label(name) + "\"}";
    }

    private Http.Response post(String body, String idempotencyKey) {
        return http.post("/api/v1/test-only/orders", key, body, Map.of("Idempotency-Key", idempotencyKey));
    }
}
