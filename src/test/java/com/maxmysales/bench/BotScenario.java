package com.maxmysales.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Pattern;

import com.maxmysales.support.MetaWebhooks;

/**
 * {@code bot}: customers' questions as signed webhooks, each from a customer of its own, posted at a FIXED rate the
 * bot sustains ({@code -Dbench.bot.rate}, 20 a second), so that the figures are one answer's latency and not a
 * queue's. Each question is timed in the database, on one clock: from its webhook event stored ({@code
 * webhook_events.received_at}, found by the SHA-256 of the body) through the event applied ({@code processed_at}: the
 * customer's message stored, the bot's event published) to the bot's first reply queued (the reply's
 * {@code created_at}). The bot's own time per
 * answer, by stage, is read from its metric {@code maxmysales.chatbot.answer}. The messages carry the current time:
 * a customer's message older than 24 hours closes the window a free-form reply needs.
 */
final class BotScenario {

    private static final List<String> QUESTIONS = List.of("How long does delivery take?", "Do you deliver across India?",
            "What are the shipping charges?", "Do you ship internationally?", "kitne din mein delivery hogi?",
            "How can I return my order?", "Do you have cash on delivery?", "क्या आप पूरे भारत में डिलीवरी करते हैं?");
    private static final Pattern STAGE_LINE = Pattern.compile(
            "^maxmysales_chatbot_answer_seconds(_sum|_count)?\\{([^}]*)} ([0-9.eE+-]+)", Pattern.MULTILINE);
    private static final Pattern POOL_LINE = Pattern.compile(
            "^hikaricp_connections_acquire_seconds_(sum|count)\\{[^}]*} ([0-9.eE+-]+)", Pattern.MULTILINE);
    private static final Pattern STAGE = Pattern.compile("stage=\"(\\w+)\"");

    private final BenchPlatform platform;
    private final Bench.Workspace workspace;
    private final int questions;
    private final double rate;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    BotScenario(BenchPlatform platform, Bench.Workspace workspace, int questions, double rate) {
        this.platform = platform;
        this.workspace = workspace;
        this.questions = questions;
        this.rate = rate;
    }

    Result run() throws Exception {
        // The bot answers from the FAQ only once the business adopted one: the bench adopts the examples.
        var enabled = client.send(HttpRequest.newBuilder(URI.create(platform.url("/api/v1/chatbot")))
                .header("Authorization", "Bearer " + workspace.apiKey()).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"enabled\": true, \"useExampleFaq\": true}")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (enabled.statusCode() != 200) {
            throw new IllegalStateException("bot not enabled: " + enabled.body());
        }
        ask("warm", 100);
        awaitReplies("warm", 100);
        var before = stages();
        resetStatements();
        var cpuBefore = BenchPlatform.cpuTime(List.of(platform));
        var platformCpuBefore = BenchPlatform.platformCpuTime(List.of(platform));
        var posted = ask("run", questions);
        awaitReplies("run", questions);
        var cpu = BenchPlatform.cpuTime(List.of(platform)).minus(cpuBefore);
        var platformCpu = BenchPlatform.platformCpuTime(List.of(platform)).minus(platformCpuBefore);
        var after = stages();
        printStatements();
        var timed = timed("run", posted.hashes());
        var total = new Latencies(questions);
        var toApplied = new Latencies(questions);
        var appliedToQueued = new Latencies(questions);
        Instant first = null;
        Instant last = null;
        for (var question : timed) {
            total.add(nanos(question.stored(), question.queued()));
            toApplied.add(nanos(question.stored(), question.applied()));
            appliedToQueued.add(nanos(question.applied(), question.queued()));
            first = first == null || question.stored().isBefore(first) ? question.stored() : first;
            last = last == null || question.queued().isAfter(last) ? question.queued() : last;
        }
        var achieved = timed.size() / Math.max(0.001, (last.toEpochMilli() - first.toEpochMilli()) / 1000d);
        var extra = new LinkedHashMap<String, Object>();
        extra.put("p95_ms", total.percentileMillis(95));
        extra.put("questions", questions);
        extra.put("replied", timed.size());
        extra.put("offered_per_s", posted.offeredPerSecond());
        extra.put("achieved_per_s", achieved);
        extra.put("stored_to_applied_p50_ms", toApplied.percentileMillis(50));
        extra.put("stored_to_applied_p95_ms", toApplied.percentileMillis(95));
        extra.put("applied_to_queued_p50_ms", appliedToQueued.percentileMillis(50));
        extra.put("applied_to_queued_p95_ms", appliedToQueued.percentileMillis(95));
        // CPU per question is the figure a machine shared with other work changes least (the latencies, the most).
        extra.put("cpu_ms_per_question", cpu.toNanos() / 1e6 / questions);
        extra.put("platform_cpu_ms_per_question", platformCpu.toNanos() / 1e6 / questions);
        var acquired = after.getOrDefault("pool.count", 0d) - before.getOrDefault("pool.count", 0d);
        extra.put("pool_acquire_mean_ms", acquired == 0 ? 0d
                : (after.getOrDefault("pool.sum", 0d) - before.getOrDefault("pool.sum", 0d)) / acquired * 1000);
        for (var stage : List.of("wait", "read", "classify", "faq", "decide", "begin", "queue", "commit", "total")) {
            var sum = after.getOrDefault(stage + ".sum", 0d) - before.getOrDefault(stage + ".sum", 0d);
            var count = after.getOrDefault(stage + ".count", 0d) - before.getOrDefault(stage + ".count", 0d);
            extra.put("bot_" + stage + "_mean_ms", count == 0 ? 0d : sum / count * 1000);
        }
        extra.put("measured", "webhook event stored (received_at) to the bot's first reply queued (created_at)");
        return new Result("bot", achieved, total.percentileMillis(50), total.percentileMillis(99),
                "target: p95 under 100 ms; baseline_throughput_per_s is the offered rate",
                posted.offeredPerSecond(), extra);
    }

    /** With {@code -Dbench.statements=true}: the run's statements from zero, for {@link #printStatements}. */
    private void resetStatements() throws Exception {
        if (platform.statements() < 0) {
            return;
        }
        try (var db = platform.database(); var statement = db.createStatement()) {
            statement.execute("select pg_stat_statements_reset()");
        }
    }

    /**
     * With {@code -Dbench.statements=true}, on stderr: the statements the run spent the most database time on, with
     * their calls per question and mean time (a lock waited for counts in it), to say where a stage's time goes.
     */
    private void printStatements() throws Exception {
        if (platform.statements() < 0) {
            return;
        }
        try (var db = platform.database(); var query = db.prepareStatement("""
                select calls, total_exec_time, mean_exec_time, max_exec_time, left(regexp_replace(query, '\\s+', ' ', 'g'), 160)
                from pg_stat_statements where query not like '%pg_stat_statements%'
                order by total_exec_time desc limit 30""");
                var rs = query.executeQuery()) {
            System.err.println("calls/question  total_ms  mean_ms  max_ms  statement");
            while (rs.next()) {
                System.err.printf("%8.2f %10.1f %8.3f %8.1f  %s%n", rs.getLong(1) / (double) questions, rs.getDouble(2),
                        rs.getDouble(3), rs.getDouble(4), rs.getString(5));
            }
        }
    }

    private static long nanos(Instant from, Instant to) {
        return Math.max(0, java.time.Duration.between(from, to).toNanos());
    }

    private record Posted(Map<String, String> hashes, double offeredPerSecond) {}

    /** Posts {@code count} questions at the fixed rate, each on a thread of its own so a slow answer does not delay the next. */
    private Posted ask(String prefix, int count) throws Exception {
        var hashes = new ConcurrentHashMap<String, String>();
        var intervalNanos = (long) (1_000_000_000L / rate);
        var start = System.nanoTime();
        long lastPost = start;
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < count; i++) {
                var due = start + i * intervalNanos;
                while (System.nanoTime() < due) {
                    LockSupport.parkNanos(due - System.nanoTime());
                }
                lastPost = System.nanoTime();
                var waId = String.valueOf((prefix.equals("warm") ? 919_600_000_000L : 919_500_000_000L) + i);
                var wamid = "wamid.bot" + prefix + i;
                var message = """
                        { "from": "%s", "id": "%s", "timestamp": "%d", "type": "text", "text": { "body": "%s" } }"""
                        .formatted(waId, wamid, Instant.now().getEpochSecond(), QUESTIONS.get(i % QUESTIONS.size()));
                var body = MetaWebhooks.inbound(workspace.phoneNumberId(), waId, "Customer " + i, message);
                hashes.put(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                        .digest(body.getBytes(StandardCharsets.UTF_8))), wamid);
                pool.submit(() -> {
                    var response = client.send(HttpRequest.newBuilder(URI.create(platform.url("/webhooks/whatsapp")))
                            .header("Content-Type", "application/json")
                            .header("X-Hub-Signature-256", MetaWebhooks.sign(body))
                            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                            HttpResponse.BodyHandlers.discarding());
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException("webhook answered " + response.statusCode());
                    }
                    return null;
                });
            }
        }
        var seconds = (lastPost - start) / 1e9;
        return new Posted(hashes, seconds == 0 ? count : (count - 1) / seconds);
    }

    private void awaitReplies(String prefix, int count) throws Exception {
        var deadline = System.nanoTime() + 300_000_000_000L;
        while (replied(prefix) < count && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
    }

    private int replied(String prefix) throws Exception {
        try (var db = platform.database(); var query = db.prepareStatement("""
                select count(*) from messages q
                join messages r on r.idempotency_key = 'bot:' || q.id || ':0' and r.workspace_id = q.workspace_id
                where q.direction = 'inbound' and q.wamid like ?""")) {
            query.setString(1, "wamid.bot" + prefix + "%");
            try (var rs = query.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private record Timed(Instant stored, Instant applied, Instant queued) {}

    /** Each answered question's three times, all from the database's clock. */
    private List<Timed> timed(String prefix, Map<String, String> hashes) throws Exception {
        var stored = new HashMap<String, Instant[]>();
        try (var db = platform.database(); var query = db.prepareStatement("""
                select encode(body_hash, 'hex'), received_at, processed_at from webhook_events
                where encode(body_hash, 'hex') = any(?)""")) {
            query.setArray(1, db.createArrayOf("text", hashes.keySet().toArray()));
            try (var rs = query.executeQuery()) {
                while (rs.next()) {
                    stored.put(hashes.get(rs.getString(1)), new Instant[] {rs.getTimestamp(2).toInstant(),
                            rs.getTimestamp(3) == null ? rs.getTimestamp(2).toInstant() : rs.getTimestamp(3).toInstant()});
                }
            }
        }
        var timed = new ArrayList<Timed>();
        try (var db = platform.database(); var query = db.prepareStatement("""
                select q.wamid, r.created_at from messages q
                join messages r on r.idempotency_key = 'bot:' || q.id || ':0' and r.workspace_id = q.workspace_id
                where q.direction = 'inbound' and q.wamid like ?""")) {
            query.setString(1, "wamid.bot" + prefix + "%");
            try (var rs = query.executeQuery()) {
                while (rs.next()) {
                    var at = stored.get(rs.getString(1));
                    if (at != null) {
                        timed.add(new Timed(at[0], at[1], rs.getTimestamp(2).toInstant()));
                    }
                }
            }
        }
        return timed;
    }

    /**
     * The bot's stage metric: {@code stage.sum} and {@code stage.count} (seconds); and the
     * connection pool's waits, {@code pool.sum} and {@code pool.count}.
     */
    private Map<String, Double> stages() throws Exception {
        var metrics = client.send(HttpRequest.newBuilder(URI.create(platform.url("/actuator/prometheus")))
                .header("Authorization", "Bearer " + BenchPlatform.ADMIN_TOKEN).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        var values = new HashMap<String, Double>();
        var pool = POOL_LINE.matcher(metrics);
        while (pool.find()) {
            values.merge("pool." + pool.group(1), Double.parseDouble(pool.group(2)), Double::sum);
        }
        var line = STAGE_LINE.matcher(metrics);
        while (line.find()) {
            var stage = STAGE.matcher(line.group(2));
            if (!stage.find()) {
                continue;
            }
            // Only the sums and counts: their difference over the run is the run's. The metric's percentiles cover
            // the process's last ten minutes, the warm-up included (a "p95" of 5.9 s against a mean of 0.004 ms).
            if (line.group(1) != null) {
                values.put(stage.group(1) + "." + line.group(1).substring(1), Double.parseDouble(line.group(3)));
            }
        }
        return values;
    }
}
