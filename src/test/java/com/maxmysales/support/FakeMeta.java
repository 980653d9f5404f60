package com.maxmysales.support;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Meta's Graph API as far as the platform asks it about ownership and sends through it: numbers and pages
 * belong to the tokens a test grants them to, and every other token is refused as Meta refuses it (code 100,
 * subcode 33). Sends are accepted and recorded; media uploads are accepted and counted as they arrive, never
 * held in memory. A local HTTP server, for tests that point
 * {@code maxmysales.whatsapp.graph-base-url} (or a number's own base URL) at {@link #baseUrl()}.
 */
public final class FakeMeta implements AutoCloseable {

    /** @param phoneNumberId the number the platform sent through; {@code body} as sent */
    public record Send(String phoneNumberId, String token, String body) {
    }

    private record Number(String token, String wabaId) {
    }

    private final HttpServer server;
    private final Map<String, Number> numbers = new ConcurrentHashMap<>();
    private final Map<String, String> pages = new ConcurrentHashMap<>();
    private final List<Send> sends = new CopyOnWriteArrayList<>();
    private final AtomicInteger wamids = new AtomicInteger();
    private final AtomicLong mediaBytes = new AtomicLong();

    private FakeMeta(HttpServer server) {
        this.server = server;
    }

    public static FakeMeta start() {
        try {
            var server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            var meta = new FakeMeta(server);
            server.createContext("/", meta::handle);
            server.start();
            return meta;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Without a version: the platform adds its own. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** From now on {@code token} may act for the number, which belongs to {@code wabaId}. */
    public void grantNumber(String token, String phoneNumberId, String wabaId) {
        numbers.put(phoneNumberId, new Number(token, wabaId));
    }

    /** From now on {@code token} is the page's own access token. */
    public void grantPage(String token, String pageId) {
        pages.put(token, pageId);
    }

    public List<Send> sends() {
        return List.copyOf(sends);
    }

    /** Bytes of every media upload (the whole multipart body) received so far. */
    public long mediaBytes() {
        return mediaBytes.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            var token = token(exchange);
            // /{version}/{object}[/{edge}]
            var path = URI.create(exchange.getRequestURI().getPath()).getPath().split("/");
            var object = path.length > 2 ? path[2] : "";
            var edge = path.length > 3 ? path[3] : "";
            if (exchange.getRequestMethod().equals("POST") && edge.equals("media")) {
                mediaBytes.addAndGet(exchange.getRequestBody().transferTo(OutputStream.nullOutputStream()));
                var owned = numbers.containsKey(object) && numbers.get(object).token().equals(token);
                if (owned) {
                    answer(exchange, 200, "{\"id\": \"fake-media-" + wamids.incrementAndGet() + "\"}");
                } else {
                    unknown(exchange, object);
                }
                return;
            }
            var body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            switch (exchange.getRequestMethod() + " " + edge) {
                case "GET " -> {
                    if ("me".equals(object) && pages.containsKey(token)) {
                        answer(exchange, 200, "{\"id\": \"" + pages.get(token) + "\", \"name\": \"A page\"}");
                    } else if (numbers.containsKey(object) && numbers.get(object).token().equals(token)) {
                        answer(exchange, 200, """
                                {"id": "%s", "display_phone_number": "+91 98000 00001", "verified_name": "A business",
                                 "quality_rating": "GREEN", "throughput": {"level": "STANDARD"},
                                 "whatsapp_business_manager_messaging_limit": "TIER_250"}"""
                                .formatted(object));
                    } else {
                        unknown(exchange, object);
                    }
                }
                case "GET phone_numbers" -> {
                    var owned = numbers.entrySet().stream()
                            .filter(number -> number.getValue().wabaId().equals(object) && number.getValue().token().equals(token))
                            .map(number -> "{\"id\": \"" + number.getKey() + "\"}")
                            .toList();
                    if (owned.isEmpty()) {
                        unknown(exchange, object);
                    } else {
                        answer(exchange, 200, "{\"data\": [" + String.join(", ", owned) + "]}");
                    }
                }
                case "POST messages" -> {
                    sends.add(new Send(object, token, body));
                    answer(exchange, 200, """
                            {"messaging_product": "whatsapp", "contacts": [{"input": "x", "wa_id": "x"}],
                             "messages": [{"id": "wamid.FAKEMETA%d"}]}""".formatted(wamids.incrementAndGet()));
                }
                default -> unknown(exchange, object);
            }
        }
    }

    private static String token(HttpExchange exchange) {
        var header = exchange.getRequestHeaders().getFirst("Authorization");
        return header != null && header.startsWith("Bearer ") ? header.substring(7) : "";
    }

    private static void unknown(HttpExchange exchange, String object) throws IOException {
        answer(exchange, 400, """
                {"error": {"message": "Unsupported get request. Object with ID '%s' does not exist, cannot be loaded \
                due to missing permissions, or does not support this operation.", "type": "GraphMethodException",
                "code": 100, "error_subcode": 33, "fbtrace_id": "AFakeMetaTrace"}}""".formatted(object));
    }

    private static void answer(HttpExchange exchange, int status, String json) throws IOException {
        var bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
