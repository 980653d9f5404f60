package com.maxmysales.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.maxmysales.support.MetaWebhooks;

/**
 * {@code ingest}: signed webhooks POSTed at concurrency 64 against the running platform, each a distinct
 * inbound message, timed from request to Meta's 200. Baseline: the same payloads as raw batched INSERTs into
 * the same PostgreSQL, in the same run. {@code process}: how fast the stored events are then applied, and
 * how long each waited (received to processed). {@code ingest-alone}: the same webhooks against a platform whose
 * processing is switched off, so the webhook path has the cores to itself (and the client).
 */
final class IngestScenario {

    static final int CONCURRENCY = 64;
    private static final int WARM_UP = 2_000;
    private static final String BASELINE = "raw batched INSERTs (100 per batch, 4 connections) into the same PostgreSQL";

    private final List<BenchPlatform> nodes;
    /** The node whose database all of them use. */
    private final BenchPlatform platform;
    private final int requests;
    private final String phoneNumberId;

    /** Webhooks go to the nodes in turn, as a load balancer would spread them. */
    IngestScenario(List<BenchPlatform> nodes, int requests, String phoneNumberId) {
        this.nodes = nodes;
        this.platform = nodes.getFirst();
        this.requests = requests;
        this.phoneNumberId = phoneNumberId;
    }

    List<Result> run() throws Exception {
        post(nodes, payloads("warm", WARM_UP), new Latencies(WARM_UP));
        platform.awaitWebhooksApplied();
        var workBefore = platform.databaseWork();
        var platformCpuBefore = BenchPlatform.platformCpuTime(nodes);
        var run = postRun();
        var processedAt = platform.awaitWebhooksApplied();
        var cpuPerEvent = BenchPlatform.cpuTime(nodes).minus(run.cpuBefore()).toNanos() / 1e6 / requests;
        var platformCpuPerEvent = BenchPlatform.platformCpuTime(nodes).minus(platformCpuBefore).toNanos() / 1e6 / requests;
        var drainedAfterLastPost = (processedAt - run.started()) / 1e9 - run.seconds();
        var work = platform.databaseWork().minus(workBefore);
        var processSeconds = (processedAt - run.started()) / 1e9;
        var lag = lagMillis(run.payloads().size());
        return List.of(
                new Result("ingest", requests / run.seconds(), run.latencies().percentileMillis(50),
                        run.latencies().percentileMillis(99), BASELINE, baselineInserts(run.payloads()),
                        Map.of("requests", requests, "concurrency", CONCURRENCY, "nodes", nodes.size(),
                                "client_cpu_ms_per_event", run.clientCpuMsPerEvent())),
                new Result("process", requests / processSeconds, lag[0], lag[1],
                        "ingest rate of the same run (processing keeps up when ratio is 1)", requests / run.seconds(),
                        Map.ofEntries(Map.entry("events", requests), Map.entry("nodes", nodes.size()),
                                Map.entry("lag", "p50/p99 = processed_at - received_at"),
                                Map.entry("cpu_ms_per_event", cpuPerEvent),
                                Map.entry("cpu", "platform + PostgreSQL, ingest and processing"),
                                Map.entry("platform_cpu_ms_per_event", platformCpuPerEvent),
                                Map.entry("drained_s_after_last_post", drainedAfterLastPost),
                                Map.entry("commits_per_event", (double) work.commits() / requests),
                                Map.entry("rows_written_per_event", (double) work.rowsWritten() / requests),
                                Map.entry("table_scans_per_event", (double) work.scans() / requests),
                                Map.entry("load_average", java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                                        .getSystemLoadAverage()))));
    }

    /** For a platform started with no processing workers: its events stay pending, and nothing waits for them. */
    Result runAlone() throws Exception {
        post(nodes, payloads("warm", WARM_UP), new Latencies(WARM_UP));
        var run = postRun();
        var cpuPerEvent = BenchPlatform.cpuTime(nodes).minus(run.cpuBefore()).toNanos() / 1e6 / requests;
        return new Result("ingest-alone", requests / run.seconds(), run.latencies().percentileMillis(50),
                run.latencies().percentileMillis(99), BASELINE, baselineInserts(run.payloads()),
                Map.of("requests", requests, "concurrency", CONCURRENCY, "processing", "off",
                        "cpu_ms_per_event", cpuPerEvent, "cpu", "platform + PostgreSQL, webhook path only",
                        "client_cpu_ms_per_event", run.clientCpuMsPerEvent(),
                        "load_average", BenchPlatform.loadAverage()));
    }

    /**
     * @param clientCpuMsPerEvent the bench's own CPU per webhook while posting (signing, the HTTP client): it runs on
     *         the same cores as the platform, so it bounds what the platform can be shown to take in on this machine
     */
    private record Run(List<byte[]> payloads, Latencies latencies, Duration cpuBefore, long started, double seconds,
            double clientCpuMsPerEvent) {}

    private static Duration clientCpuTime() {
        return ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO);
    }

    /** The measured webhooks, posted; CPU is counted from just before them. */
    private Run postRun() throws Exception {
        var payloads = payloads("run", requests);
        var latencies = new Latencies(requests);
        var cpuBefore = BenchPlatform.cpuTime(nodes);
        var clientCpuBefore = clientCpuTime();
        var started = System.nanoTime();
        post(nodes, payloads, latencies);
        var seconds = (System.nanoTime() - started) / 1e9;
        return new Run(payloads, latencies, cpuBefore, started, seconds,
                clientCpuTime().minus(clientCpuBefore).toNanos() / 1e6 / payloads.size());
    }

    private List<byte[]> payloads(String prefix, int count) {
        var list = new ArrayList<byte[]>(count);
        for (int i = 0; i < count; i++) {
            var waId = String.valueOf(919_700_000_000L + i % 5_000);
            var message = """
                    { "from": "%s", "id": "wamid.%s%d", "timestamp": "1767225660", "type": "text", "text": { "body": "Is the 2BHK still available? (%d)" } }"""
                    .formatted(waId, prefix, i, i);
            list.add(MetaWebhooks.inbound(phoneNumberId, waId, "Customer " + (i % 5_000), message).getBytes(StandardCharsets.UTF_8));
        }
        return list;
    }

    /** Signed webhook POSTs at {@link #CONCURRENCY}, to the nodes in turn; each request's latency is recorded. */
    static void post(List<BenchPlatform> nodes, List<byte[]> payloads, Latencies latencies) throws Exception {
        var client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        var next = new AtomicInteger();
        var failures = new AtomicInteger();
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int worker = 0; worker < CONCURRENCY; worker++) {
                pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < payloads.size(); i = next.getAndIncrement()) {
                        var body = payloads.get(i);
                        var request = HttpRequest.newBuilder(URI.create(nodes.get(i % nodes.size()).url("/webhooks/whatsapp")))
                                .header("Content-Type", "application/json")
                                .header("X-Hub-Signature-256", MetaWebhooks.sign(new String(body, StandardCharsets.UTF_8)))
                                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
                        var start = System.nanoTime();
                        var response = client.send(request, HttpResponse.BodyHandlers.discarding());
                        latencies.add(System.nanoTime() - start);
                        if (response.statusCode() != 200) {
                            failures.incrementAndGet();
                        }
                    }
                    return null;
                });
            }
        }
        if (failures.get() > 0) {
            throw new IllegalStateException(failures.get() + " webhook POSTs were not answered 200");
        }
    }

    /** p50 and p99 of processed_at - received_at over the last {@code count} events. */
    private double[] lagMillis(int count) throws Exception {
        try (var db = platform.database(); var query = db.prepareStatement("""
                select percentile_cont(0.5) within group (order by lag), percentile_cont(0.99) within group (order by lag)
                from (select extract(epoch from processed_at - received_at) * 1000 as lag from webhook_events
                      order by id desc limit ?) recent""")) {
            query.setInt(1, count);
            try (var rs = query.executeQuery()) {
                rs.next();
                return new double[] {rs.getDouble(1), rs.getDouble(2)};
            }
        }
    }

    private double baselineInserts(List<byte[]> payloads) throws Exception {
        try (var db = platform.database(); var ddl = db.createStatement()) {
            ddl.execute("create table if not exists bench_raw_inserts (id bigint generated always as identity primary key, "
                    + "body_hash bytea not null unique, body bytea not null, received_at timestamptz not null)");
            ddl.execute("truncate bench_raw_inserts");
        }
        var next = new AtomicInteger();
        var started = System.nanoTime();
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int worker = 0; worker < 4; worker++) {
                pool.submit(() -> {
                    try (var db = platform.database(); var insert = db.prepareStatement(
                            "insert into bench_raw_inserts (body_hash, body, received_at) values (?, ?, ?)")) {
                        var sha = MessageDigest.getInstance("SHA-256");
                        for (int batch = next.getAndAdd(100); batch < payloads.size(); batch = next.getAndAdd(100)) {
                            for (int i = batch; i < Math.min(batch + 100, payloads.size()); i++) {
                                insert.setBytes(1, sha.digest(payloads.get(i)));
                                insert.setBytes(2, payloads.get(i));
                                insert.setTimestamp(3, Timestamp.from(Instant.ofEpochMilli(0)));
                                insert.addBatch();
                            }
                            insert.executeBatch();
                        }
                    }
                    return null;
                });
            }
        }
        var seconds = (System.nanoTime() - started) / 1e9;
        try (var db = platform.database(); var ddl = db.createStatement()) {
            ddl.execute("drop table bench_raw_inserts");
        }
        return payloads.size() / seconds;
    }
}
