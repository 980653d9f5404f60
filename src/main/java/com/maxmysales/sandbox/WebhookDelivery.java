package com.maxmysales.sandbox;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import tools.jackson.core.json.JsonWriteFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/**
 * POSTs signed webhooks to the platform, never on the caller's thread: a bounded number in flight, the rest
 * waiting in line, each retried with doubling delays until the platform answers exactly 200 (Meta counts
 * any other status as a failure) or the attempts run out.
 */
@Component
@WhenSandboxEnabled
class WebhookDelivery implements DisposableBean {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(WebhookDelivery.class);
    // When the platform is down for long, webhooks past this many (or bytes) are dropped rather than filling the heap.
    private static final int MAX_WAITING = 100_000;
    private static final long MAX_WAITING_BYTES = 32L * 1024 * 1024;

    /** @param status the last HTTP status the platform answered, 0 when it could not be reached */
    record Result(int status) {

        boolean delivered() {
            return status == 200;
        }
    }

    /** @param target the URL setting, placeholders unresolved */
    private record Attempt(String target, byte[] body, String signature, int number, CompletableFuture<Result> result) {
    }

    private final SandboxSettings settings;
    private final WebhookSigner signer;
    private final SandboxScheduler scheduler;
    private final Environment environment;
    private final JsonMapper json;
    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final Semaphore inFlight;
    private final Queue<Attempt> waiting = new ConcurrentLinkedQueue<>();
    private final AtomicInteger waitingCount = new AtomicInteger();
    private final AtomicLong waitingBytes = new AtomicLong();
    private final Map<String, URI> targets = new ConcurrentHashMap<>();

    WebhookDelivery(SandboxSettings settings, WebhookSigner signer, SandboxScheduler scheduler,
            Environment environment, JsonMapper json) {
        this.settings = settings;
        this.signer = signer;
        this.scheduler = scheduler;
        this.environment = environment;
        this.inFlight = new Semaphore(settings.webhooks().concurrency());
        // Meta escapes non-ASCII (lowercase hex) and slashes, so a receiver that re-serialises the JSON before
        // checking the signature fails here as it would against Meta.
        this.json = json.rebuild()
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .changeDefaultPropertyInclusion(inclusion -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
                .enable(JsonWriteFeature.ESCAPE_NON_ASCII, JsonWriteFeature.ESCAPE_FORWARD_SLASHES)
                .disable(JsonWriteFeature.WRITE_HEX_UPPER_CASE)
                .build();
    }

    /** To the platform's WhatsApp webhook. */
    CompletableFuture<Result> deliver(Object payload) {
        return deliver(settings.webhookUrl(), payload);
    }

    /** To the platform's Meta page webhook (lead ads). */
    CompletableFuture<Result> deliverToPage(Object payload) {
        return deliver(settings.leadsWebhookUrl(), payload);
    }

    private CompletableFuture<Result> deliver(String target, Object payload) {
        var body = json.writeValueAsBytes(payload);
        var attempt = new Attempt(target, body, signer.sign(body), 1, new CompletableFuture<>());
        enqueue(attempt);
        return attempt.result();
    }

    private void enqueue(Attempt attempt) {
        if (waitingCount.incrementAndGet() > MAX_WAITING
                | waitingBytes.addAndGet(attempt.body().length) > MAX_WAITING_BYTES) {
            waitingCount.decrementAndGet();
            waitingBytes.addAndGet(-attempt.body().length);
            log.warn("Sandbox webhook dropped: {} webhooks already wait for the platform at {}", MAX_WAITING,
                    shown(attempt.target()));
            attempt.result().complete(new Result(0));
            return;
        }
        waiting.add(attempt);
        drain();
    }

    private void drain() {
        while (!waiting.isEmpty() && inFlight.tryAcquire()) {
            var next = waiting.poll();
            if (next == null) {
                inFlight.release();
            } else {
                waitingCount.decrementAndGet();
                waitingBytes.addAndGet(-next.body().length);
                send(next);
            }
        }
    }

    private void send(Attempt attempt) {
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(resolved(attempt.target()))
                    .timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json")
                    .header(WebhookSigner.HEADER, attempt.signature())
                    .POST(HttpRequest.BodyPublishers.ofByteArray(attempt.body()))
                    .build();
        } catch (RuntimeException unresolvable) {
            inFlight.release();
            retryOrGiveUp(attempt, 0, unresolvable);
            return;
        }
        client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
            inFlight.release();
            var status = response == null ? 0 : response.statusCode();
            if (status == 200) {
                attempt.result().complete(new Result(status));
            } else {
                retryOrGiveUp(attempt, status, failure);
            }
            drain();
        });
    }

    private void retryOrGiveUp(Attempt attempt, int status, Throwable failure) {
        var attempts = settings.webhooks().attempts();
        if (attempt.number() >= attempts) {
            log.warn("Sandbox webhook to {} given up after {} attempts: last answer {}", shown(attempt.target()), attempts,
                    failure != null ? failure.toString() : "HTTP " + status);
            attempt.result().complete(new Result(status));
            return;
        }
        var delay = settings.webhooks().retryDelay().multipliedBy(1L << (attempt.number() - 1));
        log.debug("Sandbox webhook attempt {} failed ({}), retrying in {}", attempt.number(),
                failure != null ? failure.toString() : "HTTP " + status, delay);
        scheduler.after(delay, () -> enqueue(new Attempt(attempt.target(), attempt.body(), attempt.signature(),
                attempt.number() + 1, attempt.result())));
    }

    /** Resolved on first use: with {@code server.port=0} the port exists only once the server listens. */
    private URI resolved(String target) {
        return targets.computeIfAbsent(target, url -> URI.create(environment.resolveRequiredPlaceholders(url)));
    }

    private Object shown(String target) {
        return targets.containsKey(target) ? targets.get(target) : target;
    }

    @Override
    public void destroy() {
        client.shutdownNow();
    }
}
