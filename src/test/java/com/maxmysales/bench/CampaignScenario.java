package com.maxmysales.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.maxmysales.support.GraphStubProcess;

/**
 * {@code campaign}: a campaign to N consenting contacts (100,000 by default, {@code RECIPIENTS} or
 * -Dbench.campaign.recipients) on one number set to 1,000 msg/s, from the launch to the last send the Graph API
 * accepted. The Graph API is played by a {@link GraphStubProcess} in a JVM of its own, as in {@code outbound}, so that
 * Meta's side is not charged to the platform; it approves the template at once and sends every send's statuses back.
 * The snapshot of the audience is inside the measured time, as it is for a business. Latency is each recipient's
 * queued-to-sent time; baseline is the number's configured pace, so the ratio says how much of it the campaign used.
 * Peak heap is the platform's, from its GC log.
 */
final class CampaignScenario {

    private static final int PACE = 1000;

    private final BenchPlatform platform;
    private final Bench.Workspace workspace;
    private final GraphStubProcess stub;
    private final int recipients;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    CampaignScenario(BenchPlatform platform, Bench.Workspace workspace, GraphStubProcess stub, int recipients) {
        this.platform = platform;
        this.workspace = workspace;
        this.stub = stub;
        this.recipients = recipients;
    }

    Result run() throws Exception {
        send("PUT", "/api/v1/campaigns/settings", "{\"quietStart\": \"00:00\", \"quietEnd\": \"00:00\", \"frequencyCap\": 100}");
        send("POST", "/api/v1/templates", """
                {"name": "bench_offer", "language": "en_US", "category": "MARKETING",
                 "components": [{"type": "BODY", "text": "Hello {{1}}, this week only: 20 percent off everything",
                                 "example": {"body_text": [["Asha"]]}}]}""");
        var deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (!send("GET", "/api/v1/templates?status=APPROVED", null).contains("bench_offer")) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the sandbox did not approve the template");
            }
            Thread.sleep(200);
        }
        createContacts();
        var campaign = send("POST", "/api/v1/campaigns", """
                {"name": "Bench", "template": {"name": "bench_offer", "language": "en_US"}, "audience": {"tag": "bench"},
                 "variables": {"1": {"field": "name", "fallback": "there"}}}""")
                .replaceAll("(?s)^\\{\"id\":\"([^\"]+)\".*", "$1");
        platform.statementProfile("campaign-setup");
        var before = stub.stats();
        var stubCpuBefore = stub.cpuTime();
        var cpuBefore = BenchPlatform.cpuTime(java.util.List.of(platform));
        var databaseCpuBefore = BenchPlatform.databaseCpuTime(java.util.List.of(platform));
        var launched = System.nanoTime();
        send("POST", "/api/v1/campaigns/" + campaign + "/launch", "");
        var sending = awaitAccepted(before.accepted());
        var seconds = (System.nanoTime() - launched) / 1e9;
        var cpuPerMessage = BenchPlatform.cpuTime(java.util.List.of(platform)).minus(cpuBefore).toNanos() / 1e6 / recipients;
        var databaseCpuPerMessage = BenchPlatform.databaseCpuTime(java.util.List.of(platform)).minus(databaseCpuBefore)
                .toNanos() / 1e6 / recipients;
        var stubCpuPerMessage = stub.cpuTime().minus(stubCpuBefore).toNanos() / 1e6 / recipients;
        var fullSeconds = OutboundScenario.fullSeconds(before.perSecond(), sending.perSecond());
        java.nio.file.Files.writeString(java.nio.file.Path.of("target", "bench-campaign-per-second.txt"), String.join("\n",
                OutboundScenario.perSecond(before.perSecond(), sending.perSecond()).stream().map(String::valueOf).toList()));
        platform.statementProfile("campaign");
        var latency = latencyMillis(campaign);
        var extra = new LinkedHashMap<String, Object>();
        extra.put("recipients", recipients);
        extra.put("pace_per_s", PACE);
        extra.put("latency", "queued to sent (accepted by the Graph API)");
        extra.put("peak_heap_mb", platform.peakHeapMegabytes());
        extra.put("cpu_ms_per_message", cpuPerMessage);
        extra.put("cpu", "platform + PostgreSQL, from the launch to the last send accepted");
        extra.put("postgresql_cpu_ms_per_message", databaseCpuPerMessage);
        extra.put("stub_cpu_ms_per_message", stubCpuPerMessage);
        extra.put("peak_per_s_at_stub", sending.peakPerSecond());
        extra.put("sustained_per_s_at_stub", OutboundScenario.percentile(fullSeconds, 0.5));
        extra.put("slowest_tenth_per_s_at_stub", OutboundScenario.percentile(fullSeconds, 0.1));
        extra.put("sent_twice", sending.duplicates());
        extra.put("seconds", seconds);
        extra.put("load_average", BenchPlatform.loadAverage());
        return new Result("campaign", recipients / seconds, latency[0], latency[1],
                "the number's configured pace (messages per second)", PACE, extra);
    }

    private void createContacts() throws Exception {
        var next = new AtomicInteger();
        var batches = (recipients + 999) / 1000;
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int worker = 0; worker < 4; worker++) {
                pool.submit(() -> {
                    for (int batch = next.getAndIncrement(); batch < batches; batch = next.getAndIncrement()) {
                        var items = new StringBuilder();
                        for (int i = batch * 1000; i < Math.min(recipients, (batch + 1) * 1000); i++) {
                            items.append(items.isEmpty() ? "" : ",").append("""
                                    {"phone": "+9194%08d", "name": "Customer %d", "tags": ["bench"],
                                     "consent": {"purpose": "marketing", "source": "web_form", "basis": "bench"}}""".formatted(i, i));
                        }
                        send("POST", "/api/v1/contacts/bulk", "{\"contacts\": [" + items + "]}");
                    }
                    return null;
                });
            }
        }
    }

    /** Waits for the Graph stub to have accepted every recipient's send; counting in the platform's tables cost it CPU. */
    private GraphStubProcess.Stats awaitAccepted(long acceptedBefore) throws Exception {
        var deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
        while (System.nanoTime() < deadline) {
            var stats = stub.stats();
            if (stats.accepted() - acceptedBefore >= recipients) {
                return stats;
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("not every recipient was sent within 30 minutes");
    }

    private double[] latencyMillis(String campaign) throws Exception {
        try (var db = platform.database(); var query = db.prepareStatement("""
                select percentile_cont(0.5) within group (order by lag), percentile_cont(0.99) within group (order by lag)
                from (select extract(epoch from m.sent_at - m.created_at) * 1000 as lag from messages m
                      where m.idempotency_key like ? and m.sent_at is not null) sent""")) {
            query.setString(1, "campaign:" + campaign + ":%");
            try (var rs = query.executeQuery()) {
                rs.next();
                return new double[] {rs.getDouble(1), rs.getDouble(2)};
            }
        }
    }

    private String send(String method, String path, String json) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(platform.url(path)))
                .header("Authorization", "Bearer " + workspace.apiKey());
        if (json != null) {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        var response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(method + " " + path + ": " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }
}
