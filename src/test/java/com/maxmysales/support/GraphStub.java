package com.maxmysales.support;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Meta's Graph API for load, as a process of its own (see {@link GraphStubProcess}) so that what it costs is not
 * charged to the platform: {@code POST /{phone-number-id}/messages} answers a wamid at once, and the statuses of
 * every accepted message — sent, then delivered, then read — go back as signed webhooks to the platform's
 * {@code /webhooks/whatsapp}, several statuses per POST as Meta batches them under load. It also answers the reads
 * a number's connection makes (the number, its account's numbers, its templates), for any token.
 * <p>
 * It counts what it accepted per second since start (the peak says whether a number's pace was kept, across
 * nodes) and the {@code biz_opaque_callback_data} it saw more than once (a message sent twice). Its state:
 * {@code GET /stub/stats}. Where its webhooks go: {@code POST /stub/webhook-targets}, one URL a line, taken in turn.
 * <p>
 * Arguments: {@code <app secret> [statuses per webhook POST, default 50] [webhook senders, default 4]}. It prints
 * {@code graph-stub port <port>} once it listens.
 */
public final class GraphStub {

    private static final int SECONDS_COUNTED = 3_600;
    private static final String[] STAGES = {"sent", "delivered", "read"};

    /** A status to send; {@code stage} indexes {@link #STAGES}. */
    private record Status(String phoneNumberId, String wamid, String recipient, String callback, int stage) {
    }

    private final byte[] appSecret;
    private final int batch;
    private final long started = System.nanoTime();
    private final AtomicLongArray perSecond = new AtomicLongArray(SECONDS_COUNTED);
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong wamids = new AtomicLong();
    private final AtomicLong statusesPosted = new AtomicLong();
    private final AtomicLong templates = new AtomicLong(900_000_000_000_000L);
    private final AtomicLong webhookPosts = new AtomicLong();
    private final AtomicLong webhookFailures = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private final Set<String> callbacks = ConcurrentHashMap.newKeySet();
    private final Set<String> numbers = ConcurrentHashMap.newKeySet();
    private final LinkedBlockingQueue<Status> pending = new LinkedBlockingQueue<>();
    private final List<URI> targets = new CopyOnWriteArrayList<>();
    private final AtomicInteger nextTarget = new AtomicInteger();
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private GraphStub(String appSecret, int batch) {
        this.appSecret = appSecret.getBytes(StandardCharsets.UTF_8);
        this.batch = batch;
    }

    public static void main(String[] args) throws Exception {
        var stub = new GraphStub(args[0], args.length > 1 ? Integer.parseInt(args[1]) : 50);
        var senders = args.length > 2 ? Integer.parseInt(args[2]) : 4;
        var server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 1_024);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", stub::handle);
        server.start();
        for (int i = 0; i < senders; i++) {
            Thread.ofPlatform().daemon().name("webhook-sender-" + i).start(stub::sendStatuses);
        }
        System.out.println("graph-stub port " + server.getAddress().getPort());
        System.out.flush();
        Thread.currentThread().join();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            var body = exchange.getRequestBody().readAllBytes();
            var path = exchange.getRequestURI().getPath();
            var method = exchange.getRequestMethod();
            if (path.startsWith("/stub/")) {
                stub(exchange, method + " " + path, new String(body, StandardCharsets.UTF_8));
                return;
            }
            // /{version}/{object}[/{edge}]
            var parts = path.split("/");
            var object = parts.length > 2 ? parts[2] : "";
            var edge = parts.length > 3 ? parts[3] : "";
            switch (method + " " + edge) {
                case "POST messages" -> answer(exchange, 200, accept(object, new String(body, StandardCharsets.UTF_8)));
                case "GET " -> {
                    numbers.add(object);
                    answer(exchange, 200, """
                        {"id": "%s", "display_phone_number": "+91 98000 00001", "verified_name": "Stub business",
                         "quality_rating": "GREEN", "throughput": {"level": "HIGH"},
                         "whatsapp_business_manager_messaging_limit": "TIER_UNLIMITED"}""".formatted(object));
                }
                // Every number asked about belongs to every account: the stub checks no ownership.
                case "GET phone_numbers" -> answer(exchange, 200, "{\"data\": [" + String.join(", ",
                        numbers.stream().map(id -> "{\"id\": \"" + id + "\"}").toList()) + "]}");
                // Meta reviews a template in minutes; the stub approves it at once, so that a campaign can use it.
                case "POST message_templates" -> answer(exchange, 200, """
                        {"id": "%d", "status": "APPROVED", "category": "MARKETING"}""".formatted(templates.incrementAndGet()));
                case "GET message_templates", "GET subscribed_apps" -> answer(exchange, 200, "{\"data\": []}");
                case "POST subscribed_apps" -> answer(exchange, 200, "{\"success\": true}");
                default -> answer(exchange, 404, "{\"error\": {\"message\": \"not played by the stub\", \"code\": 100}}");
            }
        }
    }

    /** Accepts a send; a send without our id (the baseline's) gets no statuses. */
    private String accept(String phoneNumberId, String body) {
        var second = (int) ((System.nanoTime() - started) / 1_000_000_000L);
        perSecond.incrementAndGet(Math.min(second, SECONDS_COUNTED - 1));
        accepted.incrementAndGet();
        var wamid = "wamid.STUB" + wamids.incrementAndGet();
        var to = field(body, "to");
        var callback = field(body, "biz_opaque_callback_data");
        if (callback != null) {
            if (!callbacks.add(callback)) {
                duplicates.incrementAndGet();
            }
            pending.add(new Status(phoneNumberId, wamid, to == null ? "" : to.replace("+", ""), callback, 0));
        }
        return """
                {"messaging_product": "whatsapp", "contacts": [{"input": "%s", "wa_id": "%s"}],
                 "messages": [{"id": "%s"}]}""".formatted(to, to, wamid);
    }

    /** The string value of a top-level field, found without a parser: the stub must cost little. */
    private static String field(String json, String name) {
        var key = json.indexOf("\"" + name + "\"");
        if (key < 0) {
            return null;
        }
        var start = json.indexOf('"', json.indexOf(':', key + name.length() + 2) + 1);
        var end = json.indexOf('"', start + 1);
        return start < 0 || end < 0 ? null : json.substring(start + 1, end);
    }

    /** Posts statuses in batches; a batch's next stage is queued once the platform acknowledged it. */
    private void sendStatuses() {
        var taken = new ArrayList<Status>(batch);
        while (true) {
            try {
                taken.clear();
                var first = pending.poll(1, TimeUnit.SECONDS);
                if (first == null) {
                    continue;
                }
                taken.add(first);
                // Meta batches what piles up: wait a moment for more when there is little.
                if (pending.size() < batch) {
                    Thread.sleep(20);
                }
                pending.drainTo(taken, batch - 1);
                var target = targets.isEmpty() ? null : targets.get(Math.floorMod(nextTarget.getAndIncrement(), targets.size()));
                if (target == null || !post(target, webhook(taken))) {
                    webhookFailures.incrementAndGet();
                    Thread.sleep(200);
                    pending.addAll(taken);
                    continue;
                }
                webhookPosts.incrementAndGet();
                statusesPosted.addAndGet(taken.size());
                for (var status : taken) {
                    if (status.stage() + 1 < STAGES.length) {
                        pending.add(new Status(status.phoneNumberId(), status.wamid(), status.recipient(),
                                status.callback(), status.stage() + 1));
                    }
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                webhookFailures.incrementAndGet();
            }
        }
    }

    private boolean post(URI target, String body) throws InterruptedException {
        var request = HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").header("X-Hub-Signature-256", MetaWebhooksSigner.sign(appSecret, body))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        }
    }

    /** One change per number, as Meta groups a number's statuses. */
    private static String webhook(List<Status> statuses) {
        var timestamp = System.currentTimeMillis() / 1000;
        var byNumber = new java.util.LinkedHashMap<String, List<String>>();
        for (var status : statuses) {
            byNumber.computeIfAbsent(status.phoneNumberId(), number -> new ArrayList<>()).add("""
                    {"id": "%s", "status": "%s", "timestamp": "%d", "recipient_id": "%s", "biz_opaque_callback_data": "%s",
                     "pricing": {"billable": true, "pricing_model": "PMP", "type": "regular", "category": "utility"}}"""
                    .formatted(status.wamid(), STAGES[status.stage()], timestamp, status.recipient(), status.callback()));
        }
        var changes = byNumber.entrySet().stream().map(number -> """
                {"field": "messages", "value": {"messaging_product": "whatsapp",
                 "metadata": {"display_phone_number": "919800000001", "phone_number_id": "%s"},
                 "statuses": [%s]}}""".formatted(number.getKey(), String.join(", ", number.getValue()))).toList();
        return """
                {"object": "whatsapp_business_account", "entry": [{"id": "300000000000001", "changes": [%s]}]}"""
                .formatted(String.join(", ", changes));
    }

    private void stub(HttpExchange exchange, String call, String body) throws IOException {
        switch (call) {
            case "POST /stub/webhook-targets" -> {
                targets.clear();
                body.lines().map(String::strip).filter(line -> !line.isEmpty()).map(URI::create).forEach(targets::add);
                answer(exchange, 200, "{}");
            }
            case "GET /stub/stats" -> answer(exchange, 200, stats());
            default -> answer(exchange, 404, "{}");
        }
    }

    /** {@code per_second}: sends accepted in each second since start, trailing idle seconds left off. */
    private String stats() {
        long peak = 0;
        var last = 0;
        for (int i = 0; i < SECONDS_COUNTED; i++) {
            peak = Math.max(peak, perSecond.get(i));
            if (perSecond.get(i) > 0) {
                last = i;
            }
        }
        var seconds = new StringBuilder();
        for (int i = 0; i <= last; i++) {
            seconds.append(i == 0 ? "" : ",").append(perSecond.get(i));
        }
        return """
                {"accepted": %d, "peak_per_second": %d, "duplicates": %d, "statuses_posted": %d, "statuses_pending": %d,
                 "webhook_posts": %d, "webhook_failures": %d, "per_second": [%s]}"""
                .formatted(accepted.get(), peak, duplicates.get(), statusesPosted.get(), pending.size(), webhookPosts.get(),
                        webhookFailures.get(), seconds);
    }

    private static void answer(HttpExchange exchange, int status, String json) throws IOException {
        var bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    /** HMAC-SHA256 with a Mac per thread: initialising one per webhook would cost more than the stub's sends. */
    private static final class MetaWebhooksSigner {

        private static final ThreadLocal<javax.crypto.Mac> MACS = new ThreadLocal<>();

        static String sign(byte[] secret, String body) {
            try {
                var mac = MACS.get();
                if (mac == null) {
                    mac = javax.crypto.Mac.getInstance("HmacSHA256");
                    mac.init(new javax.crypto.spec.SecretKeySpec(secret, "HmacSHA256"));
                    MACS.set(mac);
                }
                return "sha256=" + java.util.HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
            } catch (java.security.GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
