package com.maxmysales.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A Server-Sent Events stream read over real HTTP, as a browser's EventSource or an integrator's client reads it. */
public final class EventStream implements AutoCloseable {

    /** One event: its SSE name and its data as JSON; {@code at} when it arrived (nanoTime). */
    public record Event(String type, JsonNode data, long at) {}

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final CompletableFuture<HttpResponse<Stream<String>>> response;

    /** @param header a header and its value: {@code Authorization: Bearer …} or {@code Cookie: MMS_SESSION=…} */
    public EventStream(int port, String path, String headerName, String headerValue) {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Accept", "text/event-stream").header(headerName, headerValue).GET().build();
        response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()
                .sendAsync(request, HttpResponse.BodyHandlers.ofLines());
        response.thenAcceptAsync(answer -> {
            var type = new String[1];
            answer.body().forEach(line -> {
                if (line.startsWith("event:")) {
                    type[0] = line.substring(6).strip();
                } else if (line.startsWith("data:") && type[0] != null) {
                    events.add(new Event(type[0], JSON.readTree(line.substring(5).strip()), System.nanoTime()));
                } else if (line.isEmpty()) {
                    type[0] = null;
                }
            });
        });
    }

    /** The status once the response began, waiting for it. */
    public int status() throws Exception {
        return response.get(10, TimeUnit.SECONDS).statusCode();
    }

    /** The next event of this type that matches, or null after {@code limit}. */
    public Event next(String type, Predicate<JsonNode> matches, Duration limit) throws InterruptedException {
        var deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            var left = deadline - System.nanoTime();
            if (left <= 0) {
                return null;
            }
            var event = events.poll(left, TimeUnit.NANOSECONDS);
            if (event != null && event.type().equals(type) && matches.test(event.data())) {
                return event;
            }
        }
    }

    @Override
    public void close() {
        response.thenAccept(answer -> answer.body().close());
        response.cancel(true);
    }
}
