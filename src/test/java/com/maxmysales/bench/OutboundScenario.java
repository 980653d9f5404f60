package com.maxmysales.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * {@code outbound}: template messages queued through the API, dispatched to the sandbox with the number's
 * limit lifted to 1,000 msg/s, and counted when their {@code delivered} status webhook has been applied.
 * Throughput is messages per second from the first request to the last delivery; latency is each message's
 * queued-to-delivered time. Baseline: the sandbox's own acceptance rate for the same sends, called directly.
 */
final class OutboundScenario {

    private final List<BenchPlatform> nodes;
    /** The node whose database all of them use. */
    private final BenchPlatform platform;
    private final Bench.Workspace workspace;
    private final int messages;

    /** Requests go to the nodes in turn; each node's dispatcher sends through its own sandbox. */
    OutboundScenario(List<BenchPlatform> nodes, Bench.Workspace workspace, int messages) {
        this.nodes = nodes;
        this.platform = nodes.getFirst();
        this.workspace = workspace;
        this.messages = messages;
    }

    Result run() throws Exception {
        var cpuBefore = BenchPlatform.cpuTime(nodes);
        var started = System.nanoTime();
        fire(messages, i -> HttpRequest.newBuilder(URI.create(node(i).url("/api/v1/messages")))
                .header("Authorization", "Bearer " + workspace.apiKey()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(template("+9196%08d".formatted(i)))).build(), 202);
        awaitDelivered();
        var seconds = (System.nanoTime() - started) / 1e9;
        var cpuPerMessage = BenchPlatform.cpuTime(nodes).minus(cpuBefore).toNanos() / 1e6 / messages;
        var latency = latencyMillis();
        var baselineStarted = System.nanoTime();
        fire(messages, i -> HttpRequest.newBuilder(URI.create(node(i).url("/sandbox/graph/v25.0/"
                        + workspace.phoneNumberId() + "/messages")))
                .header("Authorization", "Bearer " + workspace.apiKey()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(graphTemplate("+9195%08d".formatted(i)))).build(), 200);
        var baseline = messages / ((System.nanoTime() - baselineStarted) / 1e9);
        return new Result("outbound", messages / seconds, latency[0], latency[1],
                "the sandbox's own acceptance rate for the same sends at the same concurrency", baseline,
                Map.of("messages", messages, "nodes", nodes.size(), "latency", "queued to delivered",
                        "cpu_ms_per_message", cpuPerMessage,
                        "cpu", "platform (sandbox included) + PostgreSQL"));
    }

    private BenchPlatform node(int request) {
        return nodes.get(request % nodes.size());
    }

    private void fire(int count, IntFunction<HttpRequest> request, int expectedStatus) throws Exception {
        var client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        var next = new AtomicInteger();
        var failures = new AtomicInteger();
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int worker = 0; worker < IngestScenario.CONCURRENCY; worker++) {
                pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                        if (client.send(request.apply(i), HttpResponse.BodyHandlers.discarding()).statusCode() != expectedStatus) {
                            failures.incrementAndGet();
                        }
                    }
                    return null;
                });
            }
        }
        if (failures.get() > 0) {
            throw new IllegalStateException(failures.get() + " requests failed");
        }
    }

    private void awaitDelivered() throws Exception {
        var deadline = System.nanoTime() + java.time.Duration.ofMinutes(10).toNanos();
        try (var db = platform.database(); var query = db.prepareStatement(
                "select count(*) from messages where direction = 'outbound' and delivered_at is not null")) {
            while (System.nanoTime() < deadline) {
                try (var rs = query.executeQuery()) {
                    rs.next();
                    if (rs.getInt(1) >= messages) {
                        return;
                    }
                }
                Thread.sleep(20);
            }
        }
        throw new IllegalStateException("not every message was delivered within 10 minutes");
    }

    private double[] latencyMillis() throws Exception {
        try (var db = platform.database(); var query = db.prepareStatement("""
                select percentile_cont(0.5) within group (order by lag), percentile_cont(0.99) within group (order by lag)
                from (select extract(epoch from delivered_at - created_at) * 1000 as lag from messages
                      where direction = 'outbound' and delivered_at is not null) sent""")) {
            try (var rs = query.executeQuery()) {
                rs.next();
                return new double[] {rs.getDouble(1), rs.getDouble(2)};
            }
        }
    }

    private static String template(String to) {
        return """
                {"to": "%s", "type": "template", "purpose": "utility", "template": {"name": "order_update", "language": "en_US"}}""".formatted(to);
    }

    private static String graphTemplate(String to) {
        return """
                {"messaging_product": "whatsapp", "to": "%s", "type": "template",
                 "template": {"name": "order_update", "language": {"code": "en_US"}}}""".formatted(to);
    }
}
