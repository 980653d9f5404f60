package com.maxmysales.platform;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.maxmysales.shared.Permission;
import com.maxmysales.shared.RequiresPermission;
import com.maxmysales.support.Http;
import com.maxmysales.support.PlatformTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/** The Idempotency-Key mechanism every POST of /api/v1 gets, on an endpoint that counts its executions. */
@PlatformTest
@Import(IdempotencySystemTests.CountingEndpoint.class)
class IdempotencySystemTests {

    @RestController
    @RequiresPermission(Permission.WORKSPACE_VIEW)
    static class CountingEndpoint {

        final Map<String, AtomicInteger> runs = new ConcurrentHashMap<>();

        @PostMapping("/api/v1/test-only/orders")
        ResponseEntity<Map<String, Object>> create(@RequestBody Map<String, Object> order) throws InterruptedException {
            var label = String.valueOf(order.get("label"));
            var run = runs.computeIfAbsent(label, any -> new AtomicInteger()).incrementAndGet();
            if (order.containsKey("slow")) {
                Thread.sleep(400);
            }
            if (order.containsKey("failFirst") && run == 1) {
                return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).build();
            }
            return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("label", label, "run", run));
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    CountingEndpoint endpoint;
    Http http;
    String key;

    @BeforeEach
    void workspace() {
        http = new Http(port);
        key = http.createWorkspace("Idempotent");
    }

    @Test
    void aRetryWithTheSameKeyGetsTheFirstAnswerWithoutRunningAgain() {
        var first = post("{\"label\": \"a\"}", "order-a");
        var retry = post("{\"label\": \"a\"}", "order-a");

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(endpoint.runs.get("a")).hasValue(1);
    }

    @Test
    void theSameKeyWithAnotherBodyIsRefused() {
        post("{\"label\": \"b\"}", "order-b");
        var reused = post("{\"label\": \"b2\"}", "order-b");

        assertThat(reused.status()).isEqualTo(422);
        assertThat(reused.json().get("type").asString()).isEqualTo("urn:maxmysales:problem:idempotency-key-reused");
        assertThat(endpoint.runs).doesNotContainKey("b2");
    }

    @Test
    void concurrentDuplicatesRunOnce() throws Exception {
        try (var pool = Executors.newFixedThreadPool(8)) {
            var statuses = new ConcurrentHashMap<Integer, AtomicInteger>();
            for (int i = 0; i < 8; i++) {
                pool.submit(() -> statuses.computeIfAbsent(post("{\"label\": \"c\", \"slow\": true}", "order-c").status(),
                        any -> new AtomicInteger()).incrementAndGet());
            }
            pool.shutdown();
            assertThat(pool.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            assertThat(endpoint.runs.get("c")).hasValue(1);
            assertThat(statuses.keySet()).isSubsetOf(201, 409);
        }
    }

    @Test
    void aServerErrorIsNotRememberedSoTheRetryRuns() {
        assertThat(post("{\"label\": \"d\", \"failFirst\": true}", "order-d").status()).isEqualTo(503);
        var retry = post("{\"label\": \"d\", \"failFirst\": true}", "order-d");

        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.json().get("run").asInt()).isEqualTo(2);
    }

    @Test
    void keysBelongToTheirWorkspaceAndAreOptional() {
        post("{\"label\": \"e\"}", "shared-key");
        var otherWorkspace = http.post("/api/v1/test-only/orders", http.createWorkspace("Other"), "{\"label\": \"e\"}",
                Map.of("Idempotency-Key", "shared-key"));
        http.post("/api/v1/test-only/orders", key, "{\"label\": \"e\"}");

        assertThat(otherWorkspace.header("Idempotent-Replayed")).isNull();
        assertThat(endpoint.runs.get("e")).hasValue(3);
        assertThat(post("{\"label\": \"f\"}", "bad key with spaces").status()).isEqualTo(400);
    }

    private Http.Response post(String body, String idempotencyKey) {
        return http.post("/api/v1/test-only/orders", key, body, Map.of("Idempotency-Key", idempotencyKey));
    }
}
