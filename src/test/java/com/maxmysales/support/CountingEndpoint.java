package com.maxmysales.support;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.maxmysales.shared.Permission;
import com.maxmysales.shared.RequiresPermission;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * An API endpoint of the tests' own, in every platform a test starts (so that it needs no context of its own), on
 * which the Idempotency-Key mechanism every POST of /api/v1 gets is watched: it counts its executions per label, can be
 * held until a test releases it, and can fail its first run.
 */
@RestController
@RequiresPermission(Permission.WORKSPACE_VIEW)
public class CountingEndpoint {

    public final Map<String, AtomicInteger> runs = new ConcurrentHashMap<>();
    /** Runs of a label that is {@code held} wait here until the test counts them down. */
    public final Map<String, CountDownLatch> holds = new ConcurrentHashMap<>();

    @PostMapping("/api/v1/test-only/orders")
    ResponseEntity<Map<String, Object>> create(@RequestBody Map<String, Object> order) throws InterruptedException {
        var label = String.valueOf(order.get("label"));
        var run = runs.computeIfAbsent(label, any -> new AtomicInteger()).incrementAndGet();
        if (order.containsKey("held")) {
            holds.computeIfAbsent(label, any -> new CountDownLatch(1)).await(30, TimeUnit.SECONDS);
        }
        if (order.containsKey("failFirst") && run == 1) {
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).build();
        }
        if (order.containsKey("busyFirst") && run == 1) {
            return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).build();
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("label", label, "run", run));
    }
}
