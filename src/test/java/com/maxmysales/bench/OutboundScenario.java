package com.maxmysales.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

import com.maxmysales.support.GraphStubProcess;

/**
 * {@code outbound}: template messages queued through the bulk API ({@code POST /api/v1/messages/bulk}, 500 a
 * request), sent by the platform to Meta's Graph API played by a {@link GraphStubProcess} (a separate, cheap JVM)
 * on a number set to 1,000 msg/s; the stub sends each message's statuses (sent, delivered, read) back as signed
 * webhooks, several per POST. Throughput is messages per second from the first request until the stub accepted
 * the last one; latency is each message's queued-to-sent (accepted by the Graph API) time. The run ends when every
 * message is read; the statuses' lag is each status webhook's received-to-applied time. CPU per message is the
 * platform's and its PostgreSQL's over the whole run, statuses included; the stub's is printed apart. Baseline: the
 * stub's own acceptance rate for the same sends at the same concurrency, called directly.
 */
final class OutboundScenario {

    static final int BULK = 500;
    /** Requests in flight against the bulk API: a few large requests, as an integrator would queue a broadcast. */
    static final int BULK_CONCURRENCY = 4;

    private final List<BenchPlatform> nodes;
    /** The node whose database all of them use. */
    private final BenchPlatform platform;
    private final Bench.Workspace workspace;
    private final GraphStubProcess stub;
    private final int messages;

    /** Requests go to the nodes in turn; each node's dispatcher sends to the one stub. */
    OutboundScenario(List<BenchPlatform> nodes, Bench.Workspace workspace, GraphStubProcess stub, int messages) {
        this.nodes = nodes;
        this.platform = nodes.getFirst();
        this.workspace = workspace;
        this.stub = stub;
        this.messages = messages;
    }

    Result run() throws Exception {
        platform.statementProfile("outbound-setup");
        var before = stub.stats();
        var acceptedBefore = before.accepted();
        var statusesBefore = before.statusesPosted();
        var stubCpuBefore = stub.cpuTime();
        var cpuBefore = BenchPlatform.cpuTime(nodes);
        var databaseCpuBefore = BenchPlatform.databaseCpuTime(nodes);
        var statementsBefore = platform.statements();
        var started = System.nanoTime();
        var requests = (messages + BULK - 1) / BULK;
        fire(requests, BULK_CONCURRENCY, i -> HttpRequest.newBuilder(URI.create(node(i).url("/api/v1/messages/bulk")))
                .header("Authorization", "Bearer " + workspace.apiKey()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(bulk(i))).build(), 200);
        var queuedSeconds = (System.nanoTime() - started) / 1e9;
        awaitStub(stats -> stats.accepted() - acceptedBefore >= messages, "accepted by the Graph stub");
        var seconds = (System.nanoTime() - started) / 1e9;
        var sending = stub.stats();
        awaitStub(stats -> stats.statusesPending() == 0 && stats.statusesPosted() >= statusesBefore + 3L * messages,
                "given its three statuses");
        platform.awaitWebhooksApplied();
        var read = count("select count(*) from messages where direction = 'outbound' and read_at is not null");
        if (read < messages) {
            throw new IllegalStateException("every status was applied, yet " + (messages - read) + " messages are not read");
        }
        var cpuPerMessage = BenchPlatform.cpuTime(nodes).minus(cpuBefore).toNanos() / 1e6 / messages;
        var statements = platform.statements() - statementsBefore;
        platform.statementProfile("outbound");
        var databaseCpuPerMessage = BenchPlatform.databaseCpuTime(nodes).minus(databaseCpuBefore).toNanos() / 1e6 / messages;
        var stubCpuPerMessage = stub.cpuTime().minus(stubCpuBefore).toNanos() / 1e6 / messages;
        var stats = stub.stats();
        var latency = percentiles("extract(epoch from sent_at - created_at) * 1000",
                "messages where direction = 'outbound' and sent_at is not null");
        var statusLag = percentiles("extract(epoch from processed_at - received_at) * 1000", "webhook_events");
        var baselineStarted = System.nanoTime();
        fire(messages, IngestScenario.CONCURRENCY, i -> HttpRequest.newBuilder(URI.create(stub.baseUrl() + "/v25.0/"
                        + workspace.phoneNumberId() + "/messages"))
                .header("Authorization", "Bearer stub-token").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(graphTemplate("+9195%08d".formatted(i)))).build(), 200);
        var baseline = messages / ((System.nanoTime() - baselineStarted) / 1e9);
        var extra = new LinkedHashMap<String, Object>();
        extra.put("messages", messages);
        extra.put("nodes", nodes.size());
        extra.put("latency", "queued to sent (accepted by the Graph API)");
        extra.put("cpu_ms_per_message", cpuPerMessage);
        extra.put("cpu", "platform + PostgreSQL, queueing, sending and applying the three statuses");
        extra.put("postgresql_cpu_ms_per_message", databaseCpuPerMessage);
        extra.put("stub_cpu_ms_per_message", stubCpuPerMessage);
        if (statementsBefore >= 0) {
            // Every statement of every connection meanwhile: queueing, sending, the statuses and their listeners.
            extra.put("statements_per_message", (double) statements / messages);
        }
        extra.put("queue_per_s", messages / queuedSeconds);
        extra.put("status_lag_p50_ms", statusLag[0]);
        extra.put("status_lag_p99_ms", statusLag[1]);
        extra.put("status_webhooks", stats.webhookPosts());
        extra.put("peak_per_s_at_stub", stats.peakPerSecond());
        var fullSeconds = fullSeconds(before.perSecond(), sending.perSecond());
        // Each second's sends at the stub, in order, for where a run fell short of the pace.
        java.nio.file.Files.writeString(java.nio.file.Path.of("target", "bench-outbound-per-second.txt"),
                String.join("\n", perSecond(before.perSecond(), sending.perSecond()).stream().map(String::valueOf).toList()));
        extra.put("sustained_per_s_at_stub", percentile(fullSeconds, 0.5));
        extra.put("slowest_tenth_per_s_at_stub", percentile(fullSeconds, 0.1));
        extra.put("sent_twice", stats.duplicates());
        extra.put("accepted_by_stub", stats.accepted() - acceptedBefore);
        extra.put("peak_heap_mb", nodes.stream().mapToLong(BenchPlatform::peakHeapMegabytes).max().orElse(0));
        extra.put("load_average", BenchPlatform.loadAverage());
        return new Result("outbound", messages / seconds, latency[0], latency[1],
                "the Graph stub's own acceptance rate for the same sends at concurrency " + IngestScenario.CONCURRENCY,
                baseline, extra);
    }

    /**
     * Sends the stub accepted in each second of this run, sorted, the first and last second of sending left out (each
     * is a part of a second). Their median is the rate the number was held at once sending was under way, which the
     * whole run's average ({@code throughput_per_s}) lowers by the time to the first send and the last second's rest.
     */
    static List<Long> fullSeconds(List<Long> before, List<Long> after) {
        var run = perSecond(before, after);
        var first = 0;
        while (first < run.size() && run.get(first) == 0) {
            first++;
        }
        var last = run.size() - 1;
        while (last >= first && run.get(last) == 0) {
            last--;
        }
        return last - first < 2 ? List.of() : run.subList(first + 1, last).stream().sorted().toList();
    }

    /** This run's sends at the stub in each second since the stub started. */
    static List<Long> perSecond(List<Long> before, List<Long> after) {
        var run = new java.util.ArrayList<Long>();
        for (int i = 0; i < after.size(); i++) {
            run.add(after.get(i) - (i < before.size() ? before.get(i) : 0));
        }
        return run;
    }

    static double percentile(List<Long> sorted, double fraction) {
        return sorted.isEmpty() ? Double.NaN : sorted.get((int) Math.floor(fraction * (sorted.size() - 1)));
    }

    private BenchPlatform node(int request) {
        return nodes.get(request % nodes.size());
    }

    static void fire(int count, int concurrency, IntFunction<HttpRequest> request, int expectedStatus) throws Exception {
        var client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        var next = new AtomicInteger();
        var failures = new AtomicInteger();
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int worker = 0; worker < concurrency; worker++) {
                pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                        var response = client.send(request.apply(i), HttpResponse.BodyHandlers.ofString());
                        if (response.statusCode() != expectedStatus || response.body().contains("\"status\":4")) {
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

    /**
     * Waits for the Graph stub, a process of its own, to have seen it. Counting the platform's messages instead, every
     * 20 ms, was a sequential scan of the whole table each time: at 100,000 messages it took PostgreSQL more CPU than
     * any statement of the platform's, charged to the platform's CPU per message and taken from its two cores.
     */
    private void awaitStub(java.util.function.Predicate<GraphStubProcess.Stats> done, String what) throws Exception {
        var deadline = System.nanoTime() + java.time.Duration.ofMinutes(10).toNanos();
        while (System.nanoTime() < deadline) {
            if (done.test(stub.stats())) {
                return;
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("not every message was " + what + " within 10 minutes");
    }

    private long count(String sql) throws Exception {
        try (var db = platform.database(); var query = db.prepareStatement(sql); var rs = query.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private double[] percentiles(String expression, String from) throws Exception {
        try (var db = platform.database(); var query = db.prepareStatement("""
                select percentile_cont(0.5) within group (order by v), percentile_cont(0.99) within group (order by v)
                from (select %s as v from %s) measured""".formatted(expression, from))) {
            try (var rs = query.executeQuery()) {
                rs.next();
                return new double[] {rs.getDouble(1), rs.getDouble(2)};
            }
        }
    }

    private String bulk(int request) {
        var body = new StringBuilder("{\"messages\": [");
        for (int i = request * BULK; i < Math.min(messages, (request + 1) * BULK); i++) {
            body.append(i == request * BULK ? "" : ",").append("""
                    {"to": "+9196%08d", "type": "template", "purpose": "utility", "template": {"name": "order_update", "language": "en_US"}}"""
                    .formatted(i));
        }
        return body.append("]}").toString();
    }

    private static String graphTemplate(String to) {
        return """
                {"messaging_product": "whatsapp", "to": "%s", "type": "template",
                 "template": {"name": "order_update", "language": {"code": "en_US"}}}""".formatted(to);
    }
}
