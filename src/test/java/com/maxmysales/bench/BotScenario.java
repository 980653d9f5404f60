package com.maxmysales.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.maxmysales.support.MetaWebhooks;

/**
 * {@code bot}: customers' questions as signed webhooks (distinct customers, the FAQ's questions), each timed from
 * Meta's 200 (the event stored) to the bot's reply queued (its row's created_at, in the bot lane), over the whole
 * inbound path: processing, the STOP check, the bot's listener, the classifier and the FAQ, the outbox insert.
 * Posted at a modest concurrency: this measures latency, not the ingest ceiling. The messages carry the current
 * time: a customer's message older than 24 hours closes the window a free-form reply needs.
 */
final class BotScenario {

    static final int CONCURRENCY = 8;
    private static final List<String> QUESTIONS = List.of("How long does delivery take?", "Do you deliver across India?",
            "What are the shipping charges?", "Do you ship internationally?", "kitne din mein delivery hogi?",
            "How can I return my order?", "Do you have cash on delivery?", "क्या आप पूरे भारत में डिलीवरी करते हैं?");

    private final BenchPlatform platform;
    private final Bench.Workspace workspace;
    private final int questions;

    BotScenario(BenchPlatform platform, Bench.Workspace workspace, int questions) {
        this.platform = platform;
        this.workspace = workspace;
        this.questions = questions;
    }

    Result run() throws Exception {
        var client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        var enabled = client.send(HttpRequest.newBuilder(URI.create(platform.url("/api/v1/chatbot")))
                .header("Authorization", "Bearer " + workspace.apiKey()).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"enabled\": true}")).build(), HttpResponse.BodyHandlers.ofString());
        if (enabled.statusCode() != 200) {
            throw new IllegalStateException("bot not enabled: " + enabled.body());
        }
        ask(client, "warm", 50);
        awaitReplies("warm", 50);
        var started = System.nanoTime();
        var stored = ask(client, "run", questions);
        awaitReplies("run", questions);
        var seconds = (System.nanoTime() - started) / 1e9;
        var latencies = new Latencies(questions);
        var replies = replies("run");
        stored.forEach((wamid, at) -> {
            var reply = replies.get(wamid);
            if (reply != null) {
                latencies.add(Math.max(0, (reply.toEpochMilli() - at.toEpochMilli()) * 1_000_000L));
            }
        });
        var p95 = latencies.percentileMillis(95);
        return new Result("bot", questions / seconds, latencies.percentileMillis(50), latencies.percentileMillis(99),
                "target: p95 under 100 ms (baseline_throughput_per_s: the questions posted per second)",
                questions / seconds, Map.of("questions", questions, "p95_ms", p95, "replied", replies.size(),
                        "concurrency", CONCURRENCY, "measured", "webhook 200 (stored) to the bot's reply queued"));
    }

    /** @return for each question's wamid, when the platform answered 200 (the webhook stored) */
    private Map<String, Instant> ask(HttpClient client, String prefix, int count) throws Exception {
        var stored = new ConcurrentHashMap<String, Instant>();
        var next = new AtomicInteger();
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int worker = 0; worker < CONCURRENCY; worker++) {
                pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                        var waId = String.valueOf((prefix.equals("warm") ? 919_600_000_000L : 919_500_000_000L) + i);
                        var wamid = "wamid.bot" + prefix + i;
                        var message = """
                                { "from": "%s", "id": "%s", "timestamp": "%d", "type": "text", "text": { "body": "%s" } }"""
                                .formatted(waId, wamid, Instant.now().getEpochSecond(), QUESTIONS.get(i % QUESTIONS.size()));
                        var body = MetaWebhooks.inbound(workspace.phoneNumberId(), waId, "Customer " + i, message);
                        var response = client.send(HttpRequest.newBuilder(URI.create(platform.url("/webhooks/whatsapp")))
                                .header("Content-Type", "application/json")
                                .header("X-Hub-Signature-256", MetaWebhooks.sign(body))
                                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                                HttpResponse.BodyHandlers.discarding());
                        if (response.statusCode() != 200) {
                            throw new IllegalStateException("webhook answered " + response.statusCode());
                        }
                        stored.put(wamid, Instant.now());
                    }
                    return null;
                });
            }
        }
        return stored;
    }

    private void awaitReplies(String prefix, int count) throws Exception {
        var deadline = System.nanoTime() + 300_000_000_000L;
        while (replies(prefix).size() < count && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
    }

    /** The first bot reply to each question, by the question's wamid. */
    private Map<String, Instant> replies(String prefix) throws Exception {
        var replies = new java.util.HashMap<String, Instant>();
        try (var db = platform.database(); var query = db.prepareStatement("""
                select q.wamid, r.created_at from messages q
                join messages r on r.idempotency_key = 'bot:' || q.id || ':0' and r.workspace_id = q.workspace_id
                where q.direction = 'inbound' and q.wamid like ?""")) {
            query.setString(1, "wamid.bot" + prefix + "%");
            try (var rs = query.executeQuery()) {
                while (rs.next()) {
                    replies.put(rs.getString(1), rs.getTimestamp(2).toInstant());
                }
            }
        }
        return replies;
    }
}
