package com.maxmysales.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

import tools.jackson.databind.json.JsonMapper;

/**
 * {@code leads}: Google Ads lead webhooks, each followed up by a template; the figure is each lead's time from
 * its webhook being stored to its follow-up being {@code sent} (accepted by the sandbox's Graph API), and the
 * leads followed up per second. Baseline: the same number of templates queued straight through
 * {@code POST /api/v1/messages} at the same concurrency, from queued to sent — what the lead's intake, contact
 * matching, consent and assignment add is the difference.
 */
final class LeadsScenario {

    static final int CONCURRENCY = 16;

    private final BenchPlatform platform;
    private final Bench.Workspace workspace;
    private final int leads;

    LeadsScenario(BenchPlatform platform, Bench.Workspace workspace, int leads) {
        this.platform = platform;
        this.workspace = workspace;
        this.leads = leads;
    }

    Result run() throws Exception {
        var client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        var source = client.send(api("/api/v1/lead-sources").POST(HttpRequest.BodyPublishers.ofString("""
                {"type": "google", "followUp": {"templateName": "lead_welcome",
                 "variables": [{"field": "FULL_NAME", "fallback": "there"}]}}""")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (source.statusCode() != 201) {
            throw new IllegalStateException("lead source not created: " + source.body());
        }
        // The platform generates the key and shows it this once.
        var key = JsonMapper.builder().build().readTree(source.body()).get("key").asString();
        fire(client, i -> HttpRequest.newBuilder(URI.create(platform.url("/webhooks/leads/google")))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(lead(i, key))).build(), 200);
        var measured = figures("""
                select extract(epoch from m.sent_at - l.received_at) * 1000 as lag, l.received_at as started, m.sent_at
                from leads l join messages m on m.id = l.follow_up_message_id where m.sent_at is not null""");
        fire(client, i -> api("/api/v1/messages").POST(HttpRequest.BodyPublishers.ofString("""
                {"to": "+9187%08d", "type": "template", "purpose": "utility",
                 "template": {"name": "lead_welcome", "language": "en"}}""".formatted(i))).build(), 202);
        var baseline = figures("""
                select extract(epoch from sent_at - created_at) * 1000 as lag, created_at as started, sent_at
                from messages where purpose = 'service' and sent_at is not null""");
        return new Result("leads", measured[3], measured[0], measured[2],
                "the same templates queued through POST /api/v1/messages, queued to sent", baseline[3],
                Map.of("leads", leads, "p95_ms", Math.round(measured[1] * 1000) / 1000.0,
                        "baseline_p50_ms", Math.round(baseline[0] * 1000) / 1000.0,
                        "baseline_p95_ms", Math.round(baseline[1] * 1000) / 1000.0,
                        "latency", "lead webhook stored to follow-up sent", "concurrency", CONCURRENCY));
    }

    private HttpRequest.Builder api(String path) {
        return HttpRequest.newBuilder(URI.create(platform.url(path)))
                .header("Authorization", "Bearer " + workspace.apiKey()).header("Content-Type", "application/json");
    }

    private static String lead(int i, String key) {
        return """
                {"lead_id": "bench-%d", "api_version": "1.0", "form_id": 11223344556, "campaign_id": 22334455667,
                 "google_key": "%s", "is_test": false,
                 "user_column_data": [{"column_name": "Full Name", "string_value": "Lead %d", "column_id": "FULL_NAME"},
                                      {"column_name": "User Phone", "string_value": "+9186%08d", "column_id": "PHONE_NUMBER"}]}"""
                .formatted(i, key, i, i);
    }

    private void fire(HttpClient client, IntFunction<HttpRequest> request, int expectedStatus) throws Exception {
        var next = new AtomicInteger();
        var failures = new AtomicInteger();
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int worker = 0; worker < CONCURRENCY; worker++) {
                pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < leads; i = next.getAndIncrement()) {
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

    /** Waits until every row of {@code rows} is there; @return p50, p95, p99 (ms) and rows per second overall. */
    private double[] figures(String rows) throws Exception {
        var deadline = System.nanoTime() + java.time.Duration.ofMinutes(10).toNanos();
        try (var db = platform.database(); var query = db.prepareStatement("""
                select count(*), percentile_cont(0.5) within group (order by lag), percentile_cont(0.95) within group (order by lag),
                       percentile_cont(0.99) within group (order by lag),
                       count(*) / greatest(extract(epoch from max(sent_at) - min(started)), 0.001)
                from (%s) measured""".formatted(rows))) {
            while (System.nanoTime() < deadline) {
                try (var rs = query.executeQuery()) {
                    rs.next();
                    if (rs.getInt(1) >= leads) {
                        return new double[] {rs.getDouble(2), rs.getDouble(3), rs.getDouble(4), rs.getDouble(5)};
                    }
                }
                Thread.sleep(50);
            }
        }
        throw new IllegalStateException("not every follow-up was sent within 10 minutes");
    }
}
