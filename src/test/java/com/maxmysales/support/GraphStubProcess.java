package com.maxmysales.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * {@link GraphStub} in a JVM of its own, small and started from this JVM's class path. Point the platform's
 * {@code maxmysales.whatsapp.graph-base-url} at {@link #baseUrl()}, and the stub's webhooks at the platform with
 * {@link #sendWebhooksTo}. Close it in {@code finally} (try-with-resources).
 */
public final class GraphStubProcess implements AutoCloseable {

    /** What the stub counted; {@code perSecond} are sends accepted in each second since it started. */
    public record Stats(long accepted, long peakPerSecond, long duplicates, long statusesPosted, long statusesPending,
            long webhookPosts, long webhookFailures, List<Long> perSecond) {
    }

    private static final Pattern NUMBER = Pattern.compile("\"%s\": (\\d+)");

    private final Process process;
    private final int port;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private GraphStubProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** @param statusesPerPost how many statuses one webhook POST carries at most */
    public static GraphStubProcess start(String appSecret, int statusesPerPost) throws IOException {
        var command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Xmx128m", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), GraphStub.class.getName(), appSecret,
                Integer.toString(statusesPerPost)));
        var process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            var out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            var line = out.readLine();
            if (line == null || !line.startsWith("graph-stub port ")) {
                throw new IOException("the Graph stub did not start: " + line);
            }
            return new GraphStubProcess(process, Integer.parseInt(line.substring("graph-stub port ".length()).strip()));
        } catch (IOException | RuntimeException e) {
            process.destroyForcibly();
            throw e;
        }
    }

    /** Without a version: the platform adds its own. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** Status webhooks go to these platforms' {@code /webhooks/whatsapp}, in turn. */
    public void sendWebhooksTo(List<String> platformBaseUrls) throws IOException, InterruptedException {
        var body = String.join("\n", platformBaseUrls.stream().map(url -> url + "/webhooks/whatsapp").toList());
        call(HttpRequest.newBuilder(URI.create(baseUrl() + "/stub/webhook-targets"))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    public Stats stats() throws IOException, InterruptedException {
        var json = call(HttpRequest.newBuilder(URI.create(baseUrl() + "/stub/stats")).build());
        var seconds = json.substring(json.indexOf('[') + 1, json.indexOf(']')).strip();
        var perSecond = seconds.isEmpty() ? List.<Long>of()
                : java.util.Arrays.stream(seconds.split(",")).map(String::strip).map(Long::valueOf).toList();
        return new Stats(number(json, "accepted"), number(json, "peak_per_second"), number(json, "duplicates"),
                number(json, "statuses_posted"), number(json, "statuses_pending"), number(json, "webhook_posts"),
                number(json, "webhook_failures"), perSecond);
    }

    /** CPU the stub has used: a cheap stub is the point of running it apart. */
    public Duration cpuTime() {
        return process.toHandle().info().totalCpuDuration().orElse(Duration.ZERO);
    }

    private static long number(String json, String field) {
        var matcher = Pattern.compile(NUMBER.pattern().formatted(field)).matcher(json);
        if (!matcher.find()) {
            throw new IllegalStateException("no " + field + " in " + json);
        }
        return Long.parseLong(matcher.group(1));
    }

    private String call(HttpRequest request) throws IOException, InterruptedException {
        var response = client.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("the Graph stub answered " + response.statusCode());
        }
        return response.body();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
