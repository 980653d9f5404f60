package com.maxmysales.whatsapp;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;

import com.maxmysales.shared.Secret;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calls the Graph API for a channel or page along its {@link GraphRoute}: Meta's (or the configured or the
 * number's own base URL) for real numbers and pages, the built-in sandbox for the sandbox's own, and never
 * one for the other.
 */
@Component
public class GraphClient {

    private static final String META_GRAPH = "https://graph.facebook.com";
    private static final String SANDBOX_OFF = "the sandbox is off (maxmysales.sandbox.enabled=false): a sandbox "
            + "number or page reaches nothing";
    private static final Pattern VERSIONED = Pattern.compile(".*/v\\d+(\\.\\d+)?/?$");

    private final HttpClient http = HttpClient.newBuilder()
            .executor(Executors.newVirtualThreadPerTaskExecutor())
            .connectTimeout(java.time.Duration.ofSeconds(5))
            .build();
    private final WhatsAppSettings settings;
    private final ChannelManagement channels;
    private final JsonMapper json;
    private final Environment environment;
    private final boolean sandboxEnabled;

    GraphClient(WhatsAppSettings settings, ChannelManagement channels, JsonMapper json, Environment environment,
            @Value("${maxmysales.sandbox.enabled:true}") boolean sandboxEnabled) {
        this.settings = settings;
        this.channels = channels;
        this.json = json;
        this.environment = environment;
        this.sandboxEnabled = sandboxEnabled;
    }

    /** {@code POST /{phone-number-id}/messages} with a body built by the caller. */
    public SendOutcome sendMessage(Channel channel, Map<String, Object> body) {
        String base;
        try {
            base = baseUrl(GraphRoute.of(channel));
        } catch (GraphCallFailed sandboxOff) {
            return refused(0, sandboxOff.getMessage());
        }
        var request = HttpRequest.newBuilder(URI.create(base + "/" + channel.phoneNumberId() + "/messages"))
                .timeout(settings.graphTimeout())
                .header("Authorization", "Bearer " + channels.accessToken(channel).reveal())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)))
                .build();
        try {
            var response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return outcome(response.statusCode(), response.body());
        } catch (HttpTimeoutException e) {
            return refused(RetryAdvice.TIMEOUT, "Graph call timed out");
        } catch (IOException e) {
            return refused(RetryAdvice.NETWORK, "Graph API unreachable: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return refused(RetryAdvice.NETWORK, "interrupted");
        }
    }

    /** Marks a customer's message read: they see blue ticks. Meta answers {@code {"success": true}}. */
    public SendOutcome markRead(Channel channel, String wamid) {
        return sendMessage(channel, java.util.Map.of("messaging_product", "whatsapp", "status", "read",
                "message_id", wamid));
    }

    /** {@code GET /{media-id}}: the short-lived download URL of a media file a customer sent. */
    public MediaInfo mediaInfo(Channel channel, String mediaId) throws IOException, InterruptedException {
        var response = http.send(authorized(channel, URI.create(baseUrl(GraphRoute.of(channel)) + "/" + mediaId
                + "?phone_number_id=" + channel.phoneNumberId())).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        var tree = json.readTree(requireOk(response));
        return new MediaInfo(tree.path("url").asString(), tree.path("mime_type").asString(),
                tree.path("file_size").asLong(0));
    }

    /** Downloads a media URL from {@link #mediaInfo}; Meta requires the same bearer token for it. */
    public byte[] download(Channel channel, String url) throws IOException, InterruptedException {
        return requireOk(http.send(authorized(channel, URI.create(url)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray()));
    }

    /** {@code POST /{phone-number-id}/media}: uploads a file and returns Meta's media id for sending it. */
    public String upload(Channel channel, byte[] file, String mimeType, String filename)
            throws IOException, InterruptedException {
        var boundary = "mms" + java.util.UUID.randomUUID().toString().replace("-", "");
        var body = new java.io.ByteArrayOutputStream();
        var head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"messaging_product\"\r\n\r\nwhatsapp\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"type\"\r\n\r\n" + mimeType + "\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + filename.replaceAll("[\"\r\n]", "_") + "\"\r\nContent-Type: " + mimeType + "\r\n\r\n");
        body.write(head.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        body.write(file);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        var url = URI.create(baseUrl(GraphRoute.of(channel)) + "/" + channel.phoneNumberId() + "/media");
        var request = authorized(channel, url)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
        return json.readTree(requireOk(http.send(request, HttpResponse.BodyHandlers.ofByteArray()))).path("id").asString();
    }

    /**
     * {@code GET /{path}} with a token given by the caller, such as a Page's for Lead Ads or one being checked
     * before its number is connected: the JSON answer.
     *
     * @throws GraphCallFailed when Graph answers with an error, with Meta's error code
     */
    public JsonNode read(GraphRoute route, String pathAndQuery, Secret accessToken) throws IOException, InterruptedException {
        return readUrl(baseUrl(route) + "/" + pathAndQuery, accessToken);
    }

    /**
     * Follows a {@code paging.next} URL of an earlier {@link #read}; only one on the same Graph API, so that
     * a URL in an answer can never send the token elsewhere.
     */
    public JsonNode readNext(GraphRoute route, String nextUrl, Secret accessToken) throws IOException, InterruptedException {
        var base = baseUrl(route);
        var sameApi = URI.create(nextUrl).getHost() != null
                && URI.create(nextUrl).getHost().equalsIgnoreCase(URI.create(base).getHost());
        if (!sameApi) {
            throw new GraphCallFailed(0, "paging.next points outside the Graph API: not followed");
        }
        return readUrl(nextUrl, accessToken);
    }

    /** {@code POST /{path}} with a JSON body and a token that is not a number's: the JSON answer. */
    public JsonNode post(GraphRoute route, String path, Object body, Secret accessToken)
            throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(URI.create(baseUrl(route) + "/" + path)).timeout(settings.graphTimeout())
                .header("Authorization", "Bearer " + accessToken.reveal()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body))).build();
        return answer(http.send(request, HttpResponse.BodyHandlers.ofByteArray()));
    }

    private JsonNode readUrl(String url, Secret accessToken) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(URI.create(url)).timeout(settings.graphTimeout())
                .header("Authorization", "Bearer " + accessToken.reveal()).GET().build();
        return answer(http.send(request, HttpResponse.BodyHandlers.ofByteArray()));
    }

    private JsonNode answer(HttpResponse<byte[]> response) throws GraphCallFailed {
        JsonNode tree;
        try {
            tree = json.readTree(response.body());
        } catch (RuntimeException notJson) {
            throw new GraphCallFailed(0, "Graph API answered HTTP " + response.statusCode() + " without JSON");
        }
        if (response.statusCode() >= 300 || tree.has("error")) {
            var error = tree.path("error");
            throw new GraphCallFailed(error.path("code").asInt(0), "Graph API answered HTTP " + response.statusCode()
                    + (error.has("message") ? ": " + error.path("message").asString() : ""));
        }
        return tree;
    }

    private HttpRequest.Builder authorized(Channel channel, URI uri) {
        return HttpRequest.newBuilder(uri).timeout(settings.graphTimeout())
                .header("Authorization", "Bearer " + channels.accessToken(channel).reveal());
    }

    private static byte[] requireOk(HttpResponse<byte[]> response) throws IOException {
        if (response.statusCode() >= 300) {
            throw new IOException("Graph API answered HTTP " + response.statusCode());
        }
        return response.body();
    }

    private SendOutcome outcome(int status, byte[] body) {
        JsonNode tree;
        try {
            tree = json.readTree(body);
        } catch (RuntimeException notJson) {
            return status >= 500 ? refused(RetryAdvice.SERVER_ERROR, "Graph API answered HTTP " + status)
                    : refused(0, "Graph API answered HTTP " + status + " without JSON");
        }
        var error = tree.get("error");
        if (status < 300 && error == null) {
            if (tree.path("success").asBoolean(false)) {
                return new SendOutcome.Accepted(null, null);
            }
            var message = tree.path("messages").path(0);
            var wamid = message.path("id").asString();
            var messageStatus = message.has("message_status") ? message.get("message_status").asString() : null;
            return new SendOutcome.Accepted(wamid, messageStatus);
        }
        if (error == null) {
            return refused(status >= 500 ? RetryAdvice.SERVER_ERROR : 0, "Graph API answered HTTP " + status);
        }
        var code = error.path("code").asInt();
        var details = error.path("error_data").has("details") ? error.path("error_data").get("details").asString()
                : error.path("message").asString();
        var advice = status >= 500 && RetryAdvice.forCode(code) == RetryAdvice.NEVER ? RetryAdvice.SOON
                : RetryAdvice.forCode(code);
        return new SendOutcome.Refused(new WhatsAppError(code, error.path("message").asString(), details), advice);
    }

    private static SendOutcome refused(int code, String details) {
        return new SendOutcome.Refused(new WhatsAppError(code, details, details), RetryAdvice.forCode(code));
    }

    /**
     * The versioned Graph root of a route. Only the sandbox's own numbers and pages go to the sandbox; a blank
     * configured base means Meta's, never the sandbox, so that a real number can never be answered by it.
     *
     * @throws GraphCallFailed for the sandbox's numbers and pages while the sandbox is off
     */
    String baseUrl(GraphRoute route) throws GraphCallFailed {
        String base;
        if (route.sandbox()) {
            if (!sandboxEnabled) {
                throw new GraphCallFailed(0, SANDBOX_OFF);
            }
            base = sandboxUrl();
        } else if (route.baseUrl() != null && !route.baseUrl().isBlank()) {
            base = route.baseUrl();
        } else {
            base = settings.graphBaseUrl().isBlank() ? META_GRAPH : settings.graphBaseUrl();
        }
        base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        if (VERSIONED.matcher(base).matches()) {
            return base;
        }
        return base + "/" + (route.version() != null ? route.version() : settings.graphVersion());
    }

    private String sandboxUrl() {
        return "http://127.0.0.1:" + environment.getProperty("local.server.port",
                environment.getProperty("server.port", "8080")) + "/sandbox/graph";
    }
}
