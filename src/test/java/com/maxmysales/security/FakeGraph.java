package com.maxmysales.security;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The operator's configured Graph API, answering as a compromised or hostile one could: it vouches for any
 * token and number, and the media URL of each media id is whatever the test says. {@code /media/ok} serves a file, {@code /media/redirect} redirects to the
 * URL the test chose.
 */
final class FakeGraph implements AutoCloseable {

    static final byte[] FILE = "a-real-picture".getBytes(StandardCharsets.UTF_8);

    private final HttpServer server;
    private final Map<String, String> mediaUrls = new ConcurrentHashMap<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final List<String> objectsAsked = new CopyOnWriteArrayList<>();
    private volatile String redirectTo = "";

    private FakeGraph() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::answer);
        server.start();
    }

    static FakeGraph start() {
        try {
            return new FakeGraph();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    void mediaUrl(String mediaId, String url) {
        mediaUrls.put(mediaId, url);
    }

    void redirectTo(String url) {
        redirectTo = url;
    }

    boolean wasAsked(String path) {
        return requests.contains(path);
    }

    private void answer(HttpExchange exchange) throws IOException {
        var path = exchange.getRequestURI().getPath();
        requests.add(path);
        exchange.getRequestBody().readAllBytes();
        if (path.equals("/media/redirect")) {
            exchange.getResponseHeaders().add("Location", redirectTo);
            exchange.sendResponseHeaders(302, -1);
        } else if (path.equals("/media/ok")) {
            exchange.getResponseHeaders().add("Content-Type", "image/jpeg");
            exchange.sendResponseHeaders(200, FILE.length);
            exchange.getResponseBody().write(FILE);
        } else if (path.endsWith("/phone_numbers")) {
            // Confirms every number asked about: whoever runs this Graph API vouches for any token.
            json(exchange, "{\"data\": [" + String.join(", ", objectsAsked.stream()
                    .map(id -> "{\"id\": \"" + id + "\"}").toList()) + "]}");
        } else if (path.endsWith("/messages")) {
            json(exchange, "{\"messaging_product\": \"whatsapp\", \"messages\": [{\"id\": \"wamid.FAKE" + System.nanoTime() + "\"}]}");
        } else {
            var mediaId = path.substring(path.lastIndexOf('/') + 1);
            objectsAsked.add(mediaId);
            json(exchange, """
                    {"messaging_product": "whatsapp", "url": "%s", "mime_type": "image/jpeg", "file_size": "%d", "id": "%s"}"""
                    .formatted(mediaUrls.getOrDefault(mediaId, ""), FILE.length, mediaId));
        }
        exchange.close();
    }

    private static void json(HttpExchange exchange, String body) throws IOException {
        var bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
