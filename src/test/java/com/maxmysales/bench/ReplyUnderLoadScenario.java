package com.maxmysales.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

import tools.jackson.databind.json.JsonMapper;

/**
 * {@code reply-under-load}: a broadcast must not slow a conversation. One workspace, two sandbox numbers at Meta's
 * default 80 msg/s. 50,000 template messages are queued in the campaign lane on the first number (through
 * {@code POST /api/v1/messages} with {@code "lane": "campaign"}); once they are queued, while the number works
 * through them at its limit, agents answer customers who wrote in: 10 replies a second on the loaded number and, at
 * the same time, 10 a second on the idle one. The figures are the replies' queued-to-sent (accepted by the Graph
 * API) times on the loaded number; the baseline is the same replies on the idle number. Acceptance: p99 ratio
 * (loaded / idle) at most 2, that is a backlog delays a reply by about one send slot (12.5 ms at 80/s) at most.
 */
final class ReplyUnderLoadScenario {

    static final int CONCURRENCY = 16;
    private static final int PER_SECOND = 80;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final BenchPlatform platform;
    private final int campaign;
    private final int replies;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private String apiKey;

    ReplyUnderLoadScenario(BenchPlatform platform, int campaign, int replies) {
        this.platform = platform;
        this.campaign = campaign;
        this.replies = replies;
    }

    Result run() throws Exception {
        apiKey = JSON.readTree(send(HttpRequest.newBuilder(URI.create(platform.url("/api/v1/admin/workspaces")))
                .header("Authorization", "Bearer " + BenchPlatform.ADMIN_TOKEN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"Reply under load\"}")).build(), 201)).get("apiKey").asString();
        var loaded = number();
        var idle = number();
        customersWriteIn(loaded, "+9181");
        customersWriteIn(idle, "+9182");

        var queueing = System.nanoTime();
        fire(campaign, i -> api("/api/v1/messages", """
                {"to": "+9183%08d", "type": "template", "purpose": "utility", "lane": "campaign", "channelId": "%s",
                 "template": {"name": "festival_offer", "language": "en"}}""".formatted(i, loaded.id())), 202);
        var queueSeconds = (System.nanoTime() - queueing) / 1e9;
        var backlog = count("select count(*) from messages where channel_id = ?::uuid and status = 'queued'", loaded.id());

        var started = Instant.now();
        var loadedReplies = new ArrayList<CompletableFuture<String>>();
        var idleReplies = new ArrayList<CompletableFuture<String>>();
        var tick = System.nanoTime();
        for (int i = 0; i < replies; i++) {
            loadedReplies.add(reply(loaded, "+9181", i));
            sleepUntil(tick += 50_000_000L);
            idleReplies.add(reply(idle, "+9182", i));
            sleepUntil(tick += 50_000_000L);
        }
        var measured = figures(ids(loadedReplies));
        var baseline = figures(ids(idleReplies));
        var finished = Instant.now();
        var phase = Duration.between(started, finished).toMillis() / 1000.0;
        var campaignSent = count("""
                select count(*) from messages where channel_id = ?::uuid and lane = 3 and sent_at >= ? and sent_at < ?""",
                loaded.id(), Timestamp.from(started), Timestamp.from(finished));
        if (count("select count(*) from messages where channel_id = ?::uuid and status = 'queued'", loaded.id()) == 0) {
            throw new IllegalStateException("the campaign's backlog ran out before the last reply: the figures are not under load");
        }
        var extra = new LinkedHashMap<String, Object>();
        extra.put("p99_ratio", measured.p99() / baseline.p99());
        extra.put("baseline_p50_ms", baseline.p50());
        extra.put("baseline_p99_ms", baseline.p99());
        extra.put("max_ms", measured.max());
        extra.put("baseline_max_ms", baseline.max());
        extra.put("replies", replies);
        extra.put("campaign_queued", campaign);
        extra.put("campaign_backlog_at_first_reply", backlog);
        extra.put("campaign_sent_per_s_meanwhile", campaignSent / phase);
        extra.put("number_limit_per_s", PER_SECOND);
        extra.put("campaign_queue_s", queueSeconds);
        extra.put("latency", "reply queued (created_at) to accepted by the Graph API (sent_at)");
        return new Result("reply-under-load", measured.perSecond(), measured.p50(), measured.p99(),
                "the same replies at the same time on an idle number of the same workspace, queued to sent",
                baseline.perSecond(), extra);
    }

    private record Number(String id, String phoneNumberId) {}

    private record Figures(double p50, double p99, double max, double perSecond) {}

    private Number number() throws Exception {
        var channel = JSON.readTree(send(api("/api/v1/channels",
                "{\"sandbox\": true, \"messagesPerSecond\": " + PER_SECOND + "}"), 201));
        return new Number(channel.get("id").asString(), channel.get("phoneNumberId").asString());
    }

    /** Each reply's customer writes first, so the 24-hour window is open. */
    private void customersWriteIn(Number number, String prefix) throws Exception {
        fire(replies, i -> api("/sandbox/customers/" + customer(prefix, i).replace("+", "%2B") + "/messages", """
                {"to": "%s", "name": "Customer %d", "text": "Is the 2BHK still available?"}""".formatted(number.phoneNumberId(), i)),
                202);
        var deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (count("select count(*) from conversations where channel_id = ?::uuid and last_inbound_at is not null",
                number.id()) < replies) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the customers' messages were not applied within 5 minutes");
            }
            Thread.sleep(100);
        }
    }

    private CompletableFuture<String> reply(Number number, String prefix, int i) {
        return client.sendAsync(api("/api/v1/messages", """
                {"to": "%s", "type": "text", "text": "Yes, it is. Would Saturday 11:00 suit you for a visit?", "channelId": "%s"}"""
                .formatted(customer(prefix, i), number.id())), HttpResponse.BodyHandlers.ofString())
                .thenApply(response -> {
                    if (response.statusCode() != 202) {
                        throw new IllegalStateException("reply refused: " + response.body());
                    }
                    return JSON.readTree(response.body()).get("id").asString();
                });
    }

    private static List<UUID> ids(List<CompletableFuture<String>> replies) {
        return replies.stream().map(CompletableFuture::join).map(UUID::fromString).toList();
    }

    /** Waits until every reply is sent; p50, p99 and max of queued to sent, and replies sent per second. */
    private Figures figures(List<UUID> ids) throws Exception {
        var deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        try (var db = platform.database(); var query = db.prepareStatement("""
                select count(*), percentile_cont(0.5) within group (order by lag), percentile_cont(0.99) within group (order by lag),
                       max(lag), count(*) / greatest(extract(epoch from max(sent_at) - min(created_at)), 0.001)
                from (select extract(epoch from sent_at - created_at) * 1000 as lag, sent_at, created_at
                      from messages where id = any(?) and sent_at is not null) sent""")) {
            query.setArray(1, db.createArrayOf("uuid", ids.toArray()));
            while (System.nanoTime() < deadline) {
                try (var rs = query.executeQuery()) {
                    rs.next();
                    if (rs.getInt(1) >= ids.size()) {
                        return new Figures(rs.getDouble(2), rs.getDouble(3), rs.getDouble(4), rs.getDouble(5));
                    }
                }
                Thread.sleep(50);
            }
        }
        throw new IllegalStateException("not every reply was sent within 2 minutes");
    }

    private long count(String sql, Object... parameters) throws Exception {
        try (var db = platform.database(); var query = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setObject(i + 1, parameters[i]);
            }
            try (var rs = query.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static String customer(String prefix, int i) {
        return prefix + "%08d".formatted(i);
    }

    private HttpRequest api(String path, String body) {
        return HttpRequest.newBuilder(URI.create(platform.url(path))).header("Authorization", "Bearer " + apiKey)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private String send(HttpRequest request, int expected) throws Exception {
        var response = client.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(request.uri() + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private void fire(int count, IntFunction<HttpRequest> request, int expectedStatus) throws Exception {
        var next = new AtomicInteger();
        var failures = new AtomicInteger();
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int worker = 0; worker < CONCURRENCY; worker++) {
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

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        var wait = nanoTime - System.nanoTime();
        if (wait > 0) {
            Thread.sleep(Duration.ofNanos(wait));
        }
    }
}
