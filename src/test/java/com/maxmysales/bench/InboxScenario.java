package com.maxmysales.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.maxmysales.support.WebSession;

import tools.jackson.databind.json.JsonMapper;

/**
 * The inbox's two figures. {@code inbox-live}: a customer's message, from the sandbox's POST to its
 * {@code message.received} on {@code GET /api/v1/events}, while the {@code outbound} scenario's load (10,000 messages
 * queued and delivered) runs on the same platform; the baseline is the same messages with no load. Acceptance: p99
 * under 1 s. {@code inbox-list}: the inbox page ({@code GET /app/inbox}, signed in as the owner) of a workspace with
 * 100,000 conversations (seeded by SQL, the newest 50 real: customers wrote them through the sandbox), its response
 * time on loopback; the baseline is the API's list of 50. Acceptance: p95 under 150 ms.
 */
final class InboxScenario {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int SEEDED = 100_000;
    private static final int REAL = 60;

    private final BenchPlatform platform;
    /** Meta's Graph API for the outbound load's number, or null where no load runs. */
    private final com.maxmysales.support.GraphStubProcess stub;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    InboxScenario(BenchPlatform platform) {
        this(platform, null);
    }

    InboxScenario(BenchPlatform platform, com.maxmysales.support.GraphStubProcess stub) {
        this.platform = platform;
        this.stub = stub;
    }

    /** @param messages customers' messages measured under load (and a quarter of them without, first) */
    Result live(int messages) throws Exception {
        var inbox = Bench.connectSandboxNumber(platform);
        // The platform's first customers' messages run cold (class loading, the JIT): unmeasured, they were the
        // baseline's slowest (docs/performance.md, "Inbox live under the broadcast, session 6").
        var warmup = Integer.getInteger("bench.inbox.warmup", 100);
        if (warmup > 0) {
            measureLive(inbox, warmup, "+9179", "warmup");
        }
        var baseline = measureLive(inbox, messages / 4, "+9178", "baseline");
        if (Boolean.getBoolean("bench.inbox.baseline-only")) {
            var extra = new LinkedHashMap<String, Object>();
            extra.put("messages", messages / 4);
            extra.put("not_arrived_in_2_min", baseline.missing());
            extra.put("warmup_messages", warmup);
            extra.put("stages_ms", baseline.stages());
            extra.put("load_average", BenchPlatform.loadAverage());
            return new Result("inbox-live-baseline", baseline.perSecond(), baseline.p50(), baseline.p99(),
                    "none: -Dbench.inbox.baseline-only", baseline.perSecond(), extra);
        }
        // The load's pace (1,000/s, Meta's highest, by default): lower, it shows how much broadcast the inbox stays live under.
        var pace = Integer.getInteger("bench.inbox.load-pace", 1000);
        var load = Bench.connectStubNumber(platform, "100000000000002", pace);
        var loadResult = new Result[1];
        var loadThread = Thread.ofPlatform().start(() -> {
            try {
                loadResult[0] = new OutboundScenario(List.of(platform), load, stub,
                        Integer.getInteger("bench.outbound.messages", 10_000)).run();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        // 2 s in by default: the load's messages are being queued through the bulk API (a burst of 3,000 a second) and
        // sent; later (-Dbench.inbox.load-delay-s=45 at 100,000 messages), the broadcast is only being sent.
        var delay = Integer.getInteger("bench.inbox.load-delay-s", 2);
        Thread.sleep(delay * 1_000L);
        var measured = measureLive(inbox, messages, "+9177", "load");
        var loadStillRunning = loadThread.isAlive();
        loadThread.join();
        var extra = new LinkedHashMap<String, Object>();
        extra.put("messages", messages);
        extra.put("not_arrived_in_2_min", measured.missing());
        extra.put("warmup_messages", warmup);
        extra.put("baseline_p50_ms", baseline.p50());
        extra.put("baseline_p99_ms", baseline.p99());
        extra.put("outbound_load_running_throughout", loadStillRunning);
        extra.put("outbound_load_per_s", loadResult[0] == null ? 0.0 : loadResult[0].throughputPerSecond());
        extra.put("outbound_load_pace_per_s", pace);
        extra.put("measured_from_s_into_the_load", delay);
        if (loadResult[0] != null) {
            var figures = loadResult[0].extra();
            extra.put("outbound_load_sustained_per_s", figures.get("sustained_per_s_at_stub"));
            // The cores the load itself took: the platform's and PostgreSQL's CPU for it, and the stub's.
            extra.put("outbound_load_cores", ((double) figures.get("cpu_ms_per_message")
                    + (double) figures.get("stub_cpu_ms_per_message")) * loadResult[0].throughputPerSecond() / 1000);
        }
        extra.put("latency", "sandbox customer POST to message.received on /api/v1/events");
        extra.put("stages", "p50/p99 ms per stage: " + String.join(", ", LiveStages.STAGES) + " (bench/LiveStages)");
        extra.put("stages_ms", measured.stages());
        extra.put("baseline_stages_ms", baseline.stages());
        extra.put("load_average", BenchPlatform.loadAverage());
        return new Result("inbox-live", measured.perSecond(), measured.p50(), measured.p99(),
                "the same customers' messages with no outbound load", baseline.perSecond(), extra);
    }

    /** @param missing messages whose event had not arrived when the run gave up (counted at that wait) */
    private record Figures(double p50, double p95, double p99, double perSecond, Object stages, long missing) {
        static Figures of(double[] millis, double seconds) {
            return of(millis, seconds, null, 0);
        }

        static Figures of(double[] millis, double seconds, Object stages, long missing) {
            Arrays.sort(millis);
            return new Figures(at(millis, 0.5), at(millis, 0.95), at(millis, 0.99), (millis.length - missing) / seconds,
                    stages, missing);
        }

        private static double at(double[] sorted, double percentile) {
            return sorted[Math.min(sorted.length - 1, (int) Math.ceil(percentile * sorted.length) - 1)];
        }
    }

    /**
     * Customers write at 20 a second; each message's time from its POST to its event on the stream, and the stages
     * of that time ({@link LiveStages}).
     */
    private Figures measureLive(Bench.Workspace workspace, int messages, String prefix, String label) throws Exception {
        var run = UUID.randomUUID().toString().substring(0, 8);
        var sentAt = new ConcurrentHashMap<String, Long>();
        var postedAt = new ConcurrentHashMap<String, Instant>();
        var answeredAt = new ConcurrentHashMap<String, Instant>();
        var measured = new ConcurrentHashMap<String, LiveStages.Measured>();
        var latencies = new ConcurrentHashMap<String, Double>();
        var all = new CountDownLatch(messages);
        try (var stages = new LiveStages(platform)) {
            var stream = client.sendAsync(HttpRequest.newBuilder(URI.create(platform.url("/api/v1/events")))
                    .header("Authorization", "Bearer " + workspace.apiKey()).header("Accept", "text/event-stream").GET().build(),
                    HttpResponse.BodyHandlers.ofLines());
            var reader = stream.thenAcceptAsync(response -> response.body().forEach(line -> {
                if (line.startsWith("data:") && line.contains("\"message.received\"")) {
                    var arrived = Instant.now();
                    var message = JSON.readTree(line.substring(5)).path("message");
                    var text = message.path("text").asString("");
                    var sent = sentAt.get(text);
                    if (sent != null && latencies.putIfAbsent(text, (System.nanoTime() - sent) / 1e6) == null) {
                        measured.put(text, new LiveStages.Measured(postedAt.get(text), answeredAt.getOrDefault(text, arrived),
                                arrived, UUID.fromString(message.path("id").asString())));
                        all.countDown();
                    }
                }
            }));
            Thread.sleep(500); // the stream is open
            var started = System.nanoTime();
            var tick = started;
            for (int i = 0; i < messages; i++) {
                var text = "live " + run + " " + i;
                var phone = prefix + "%08d".formatted(i);
                postedAt.put(text, Instant.now());
                sentAt.put(text, System.nanoTime());
                client.sendAsync(HttpRequest.newBuilder(URI.create(platform.url("/sandbox/customers/" + phone.replace("+", "%2B")
                                + "/messages"))).header("Authorization", "Bearer " + workspace.apiKey())
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("""
                                {"to": "%s", "name": "Customer %d", "text": "%s"}""".formatted(workspace.phoneNumberId(), i, text)))
                        .build(), HttpResponse.BodyHandlers.discarding())
                        .thenRun(() -> answeredAt.put(text, Instant.now()));
                tick += 50_000_000L;
                var wait = tick - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(Duration.ofNanos(wait));
                }
            }
            // A message still missing then counts at what it waited: a lower bound, which only understates the figure.
            var missing = all.await(2, TimeUnit.MINUTES) ? 0 : all.getCount();
            var seconds = (System.nanoTime() - started) / 1e9;
            var givenUp = System.nanoTime();
            sentAt.forEach((text, sent) -> latencies.putIfAbsent(text, (givenUp - sent) / 1e6));
            stream.thenAccept(response -> response.body().close());
            stream.cancel(true);
            reader.cancel(true);
            return Figures.of(latencies.values().stream().mapToDouble(Double::doubleValue).toArray(), seconds,
                    stages.figures(platform, List.copyOf(measured.values()), label), missing);
        }
    }

    Result list(int requests) throws Exception {
        var run = UUID.randomUUID().toString().substring(0, 8);
        var email = "owner-" + run + "@bench.example";
        var password = "a long enough bench password";
        var session = new WebSession(platform.port, WebSession.newClientAddress());
        session.postForm("/signup", Map.of("workspaceName", "Inbox bench " + run, "displayName", "Bench Owner",
                "email", email, "password", password, "adult", "true", "acceptNotice", "true"));
        if (!session.signIn(email, password)) {
            throw new IllegalStateException("the bench's owner could not sign in");
        }
        var page = session.postForm("/app/settings/api-keys", Map.of("name", "bench", "role", "owner"));
        var key = page.body().replaceAll("(?s).*id=\"new-key\" value=\"([^\"]+)\".*", "$1");
        var channel = JSON.readTree(send(HttpRequest.newBuilder(URI.create(platform.url("/api/v1/channels")))
                .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"sandbox\": true}")).build()));
        seed(channel.get("id").asString());
        for (int i = 0; i < REAL; i++) {
            var phone = "+9176%08d".formatted(i);
            send(HttpRequest.newBuilder(URI.create(platform.url("/sandbox/customers/" + phone.replace("+", "%2B") + "/messages")))
                    .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("""
                            {"to": "%s", "name": "Customer %d", "text": "Is the 2BHK on MG Road still free? (%d)"}"""
                            .formatted(channel.get("phoneNumberId").asString(), i, i))).build());
        }
        Thread.sleep(3_000); // the customers' messages are applied

        var pageFigures = time(requests, () -> {
            var answer = session.get("/app/inbox");
            if (answer.status() != 200 || !answer.body().contains("inbox-row")) {
                throw new IllegalStateException("the inbox page answered " + answer.status());
            }
        });
        var apiFigures = time(requests, () -> send(HttpRequest.newBuilder(URI.create(platform.url("/api/v1/conversations?limit=50")))
                .header("Authorization", "Bearer " + key).GET().build()));
        var extra = new LinkedHashMap<String, Object>();
        extra.put("p95_ms", pageFigures.p95());
        extra.put("conversations", SEEDED + REAL);
        extra.put("requests", requests);
        extra.put("baseline_p95_ms", apiFigures.p95());
        extra.put("target", "p95 < 150 ms");
        return new Result("inbox-list", pageFigures.perSecond(), pageFigures.p50(), pageFigures.p99(),
                "GET /api/v1/conversations?limit=50 of the same workspace", apiFigures.perSecond(), extra);
    }

    /** 100,000 contacts of the workspace, each with a conversation an hour or more old, as SQL writes them. */
    private void seed(String channelId) throws Exception {
        try (var db = platform.database(); var insert = db.createStatement()) {
            insert.execute("""
                    create temporary table seeded as
                    select gen_random_uuid() as contact, gen_random_uuid() as conversation, n,
                           (select workspace_id from channels where id = '%s') as workspace
                    from generate_series(1, %d) n""".formatted(channelId, SEEDED));
            insert.execute("""
                    insert into contacts (id, workspace_id, created_at, updated_at)
                    select contact, workspace, now() - interval '30 days', now() - interval '30 days' from seeded""");
            insert.execute("""
                    insert into conversations (id, workspace_id, contact_id, channel_id, opened_at, last_message_at,
                                               last_inbound_at, inbox_status, unread)
                    select conversation, workspace, contact, '%s', now() - interval '30 days',
                           now() - interval '1 hour' - n * interval '10 seconds', now() - interval '1 hour' - n * interval '10 seconds',
                           (array['open', 'open', 'pending', 'resolved'])[n %% 4 + 1], n %% 3
                    from seeded""".formatted(channelId));
            insert.execute("analyze conversations");
        }
    }

    private interface Call {
        void run() throws Exception;
    }

    private static Figures time(int requests, Call call) throws Exception {
        for (int i = 0; i < 20; i++) {
            call.run();
        }
        var millis = new double[requests];
        var started = System.nanoTime();
        for (int i = 0; i < requests; i++) {
            var one = System.nanoTime();
            call.run();
            millis[i] = (System.nanoTime() - one) / 1e6;
        }
        return Figures.of(millis, (System.nanoTime() - started) / 1e9);
    }

    private String send(HttpRequest request) throws Exception {
        var response = client.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(request.uri() + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }
}
