package com.maxmysales.whatsapp;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import javax.net.ssl.SSLHandshakeException;

import com.maxmysales.platform.outbound.DestinationRefused;
import com.maxmysales.platform.outbound.OutboundGuard;
import com.maxmysales.platform.outbound.OutboundHttp;
import com.maxmysales.platform.outbound.OutboundRequest;
import com.maxmysales.platform.outbound.OutboundResponse;
import com.maxmysales.platform.outbound.RequestBody;
import com.maxmysales.shared.Secret;
import com.maxmysales.whatsapp.message.PreparedMessage;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calls the Graph API for a channel or page along its {@link GraphRoute}: Meta's (or the configured or the
 * number's own base URL) for real numbers and pages, the built-in sandbox for the sandbox's own, and never
 * one for the other. Every call goes through the platform's {@link OutboundHttp}: a channel's own Graph base URL
 * and every media URL Graph answers are checked by its guard; only the operator's Graph API and the sandbox are
 * called without the address check.
 */
@Component
public class GraphClient {

    private static final String META_GRAPH = GraphBaseUrls.META_GRAPH;
    private static final String SANDBOX_OFF = "the sandbox is off (maxmysales.sandbox.enabled=false): a sandbox "
            + "number or page reaches nothing";
    private static final Pattern VERSIONED = Pattern.compile(".*/v\\d+(\\.\\d+)?/?$");
    /** Graph's JSON answers are small; a larger one is refused rather than held. */
    private static final long MAX_ANSWER_BYTES = 4L * 1024 * 1024;
    private static final int MAX_CACHED_URIS = 10_000;

    private final OutboundHttp http;
    private final WhatsAppSettings settings;
    private final ChannelManagement channels;
    private final JsonMapper json;
    private final Environment environment;
    private final boolean sandboxEnabled;
    private final Set<String> mediaHosts;
    private final String configuredOrigin;
    private final String metaOrigin;
    /** Base URLs by route and {@code /messages} URLs, computed once: the regular expression and URI parsing per send cost. */
    private final Map<GraphRoute, String> bases = new ConcurrentHashMap<>();
    private final Map<String, Target> messagesTargets = new ConcurrentHashMap<>();

    GraphClient(OutboundHttp http, WhatsAppSettings settings, ChannelManagement channels, JsonMapper json,
            Environment environment, @Value("${maxmysales.sandbox.enabled:true}") boolean sandboxEnabled) {
        this.http = http;
        this.settings = settings;
        this.channels = channels;
        this.json = json;
        this.environment = environment;
        this.sandboxEnabled = sandboxEnabled;
        this.mediaHosts = settings.mediaHosts().stream().map(host -> host.strip().toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
        this.configuredOrigin = origin(URI.create(configuredBase()));
        this.metaOrigin = origin(URI.create(META_GRAPH));
    }

    /**
     * {@code POST /{phone-number-id}/messages}: a prepared message to a number, with our own id for it in
     * {@code biz_opaque_callback_data}, which Meta echoes in every status webhook of the message.
     *
     * @param replyToWamid the customer's message this one quotes, or null
     */
    public SendOutcome send(Channel channel, String to, PreparedMessage message, String callbackData, String replyToWamid) {
        // Written as text around the prepared payload, which is Meta's JSON already: no tree parsed and written again
        // per message. Every other value is written as an escaped JSON string, so nothing can break out of it.
        var body = new StringBuilder(256 + (message.payload() == null ? 4 : message.payload().length()))
                .append("{\"messaging_product\":\"whatsapp\",\"recipient_type\":\"individual\",\"to\":");
        JsonStrings.append(body, to).append(",\"type\":");
        JsonStrings.append(body, message.type()).append(',');
        JsonStrings.append(body, message.type()).append(':')
                .append(message.payload() == null ? "null" : message.payload())
                .append(",\"biz_opaque_callback_data\":");
        JsonStrings.append(body, callbackData);
        if (replyToWamid != null) {
            body.append(",\"context\":{\"message_id\":");
            JsonStrings.append(body, replyToWamid).append('}');
        }
        return post(channel, body.append('}').toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Marks a customer's message read: they see blue ticks. Meta answers {@code {"success": true}}. */
    public SendOutcome markRead(Channel channel, String wamid) {
        return post(channel, json.writeValueAsBytes(
                Map.of("messaging_product", "whatsapp", "status", "read", "message_id", wamid)));
    }

    /**
     * A failure before the request could leave (no connection, no address, no TLS) is a refusal to retry; one after
     * it may have left (a timeout waiting for the answer, a connection lost) is {@link SendOutcome.Unknown}, since
     * Meta may have accepted the message and sending it again could deliver it twice.
     */
    private SendOutcome post(Channel channel, byte[] body) {
        String base;
        try {
            base = baseUrl(GraphRoute.of(channel));
        } catch (GraphCallFailed sandboxOff) {
            return refused(0, sandboxOff.getMessage());
        }
        var target = messagesTarget(base, channel.phoneNumberId());
        var request = OutboundRequest.post(target.uri(), RequestBody.json(body), settings.graphTimeout())
                .header("Authorization", "Bearer " + channels.accessToken(channel).reveal())
                .operatorEndpoint(target.operator());
        try (var response = http.send(request)) {
            return outcome(response.status(), response.bytes(MAX_ANSWER_BYTES));
        } catch (DestinationRefused e) {
            return refused(0, "Graph API not called: " + e.reason());
        } catch (HttpConnectTimeoutException e) {
            return refused(LocalFailure.TIMEOUT.code(), "Graph API not reached in time: nothing was sent");
        } catch (ConnectException | UnknownHostException | NoRouteToHostException | SSLHandshakeException e) {
            return refused(LocalFailure.NETWORK.code(), "Graph API unreachable: " + e.getClass().getSimpleName());
        } catch (HttpTimeoutException e) {
            return new SendOutcome.Unknown("the Graph call timed out after the request was sent");
        } catch (IOException e) {
            return new SendOutcome.Unknown("the Graph call broke off after the request was sent: " + e.getClass().getSimpleName());
        }
    }

    /** {@code GET /{media-id}}: the short-lived download URL of a media file a customer sent. */
    public MediaInfo mediaInfo(Channel channel, String mediaId) throws IOException, InterruptedException {
        var request = toGraph(OutboundRequest.get(URI.create(baseUrl(GraphRoute.of(channel)) + "/" + mediaId + "?phone_number_id="
                + channel.phoneNumberId()), settings.graphTimeout()), channels.accessToken(channel));
        try (var response = http.send(request)) {
            var tree = json.readTree(requireOk(response).bytes(MAX_ANSWER_BYTES));
            var size = tree.path("file_size");
            // Meta's reference writes file_size as a string, its libraries' fixtures as a number.
            var bytes = size.isString() ? parseSize(size.asString()) : size.asLong(-1);
            return new MediaInfo(tree.path("url").asString(), tree.path("mime_type").asString(), bytes);
        }
    }

    /** Reads a media body as it arrives; the stream ends at the file's end and fails past the caller's limit. */
    @FunctionalInterface
    public interface MediaSink<T> {
        T accept(InputStream body) throws IOException;
    }

    /**
     * Downloads a media URL from {@link #mediaInfo} with the channel's token, which Meta requires. The URL is
     * fetched only from Meta's media hosts or the channel's own Graph API, so the token never goes elsewhere;
     * a redirect is a failure, not followed.
     *
     * @throws DestinationRefused when the URL is on another host or the guard refuses its address
     * @throws com.maxmysales.platform.outbound.ResponseTooLarge when the file is larger than {@code maxBytes}
     */
    public <T> T download(Channel channel, MediaInfo media, long maxBytes, MediaSink<T> sink) throws IOException {
        var url = OutboundGuard.httpUrl(media.url());
        var graph = URI.create(baseUrl(GraphRoute.of(channel)));
        var onGraph = origin(url).equals(origin(graph));
        var onMetaMedia = "https".equalsIgnoreCase(url.getScheme()) && (url.getPort() == -1 || url.getPort() == 443)
                && mediaHosts.contains(url.getHost().toLowerCase(Locale.ROOT));
        if (!onGraph && !onMetaMedia) {
            throw new DestinationRefused("the media URL's host " + url.getHost()
                    + " is neither Meta's media host nor this number's Graph API");
        }
        var request = OutboundRequest.get(url, settings.graphTimeout()).deadline(settings.mediaDeadline())
                .header("Authorization", "Bearer " + channels.accessToken(channel).reveal())
                .operatorEndpoint(onGraph && isOperatorGraph(url));
        try (var response = http.send(request)) {
            if (response.status() >= 300 && response.status() < 400) {
                throw new DestinationRefused("the media URL redirects (HTTP " + response.status() + "): not followed");
            }
            try (var body = requireOk(response).body(maxBytes)) {
                return sink.accept(body);
            }
        }
    }

    /** A file to upload, read from where it is kept (never held whole in memory). */
    public interface MediaSource {
        long size();

        InputStream open() throws IOException;
    }

    /** {@code POST /{phone-number-id}/media}: streams a file to Meta and returns Meta's media id for sending it. */
    public String upload(Channel channel, MediaSource file, String mimeType, String filename)
            throws IOException, InterruptedException {
        var boundary = "mms" + UUID.randomUUID().toString().replace("-", "");
        var head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"messaging_product\"\r\n\r\nwhatsapp\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"type\"\r\n\r\n" + mimeType + "\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + filename.replaceAll("[\"\r\n]", "_") + "\"\r\nContent-Type: " + mimeType + "\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8);
        var tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        var multipart = new RequestBody() {
            @Override
            public String contentType() {
                return "multipart/form-data; boundary=" + boundary;
            }

            @Override
            public long length() {
                return head.length + file.size() + tail.length;
            }

            @Override
            public void writeTo(OutputStream out) throws IOException {
                out.write(head);
                try (var in = file.open()) {
                    if (in.transferTo(out) != file.size()) {
                        throw new IOException("the file changed while it was uploaded");
                    }
                }
                out.write(tail);
            }
        };
        var request = toGraph(OutboundRequest.post(URI.create(baseUrl(GraphRoute.of(channel)) + "/" + channel.phoneNumberId() + "/media"),
                multipart, settings.graphTimeout()).deadline(settings.mediaDeadline()), channels.accessToken(channel));
        try (var response = http.send(request)) {
            return json.readTree(requireOk(response).bytes(MAX_ANSWER_BYTES)).path("id").asString();
        }
    }

    /**
     * {@code GET /{path}} with a token that is not a number's, such as a Page's for Lead Ads: the JSON answer.
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
        var sameApi = URI.create(nextUrl).getHost() != null && origin(URI.create(nextUrl)).equals(origin(URI.create(base)));
        if (!sameApi) {
            throw new GraphCallFailed(0, "paging.next points outside the Graph API: not followed");
        }
        return readUrl(nextUrl, accessToken);
    }

    /** {@code GET /{phone-number-id}/whatsapp_business_profile}: Meta answers {@code {"data": [{...}]}}. */
    JsonNode businessProfile(Channel channel) throws IOException {
        return readUrl(baseUrl(GraphRoute.of(channel)) + "/" + channel.phoneNumberId()
                + "/whatsapp_business_profile?fields=about,address,description,email,profile_picture_url,websites,vertical",
                channels.accessToken(channel));
    }

    /** {@code POST /{phone-number-id}/whatsapp_business_profile}: Meta answers {@code {"success": true}}. */
    void updateBusinessProfile(Channel channel, Map<String, Object> fields) throws IOException {
        var request = toGraph(OutboundRequest.post(URI.create(baseUrl(GraphRoute.of(channel)) + "/"
                + channel.phoneNumberId() + "/whatsapp_business_profile"),
                RequestBody.json(json.writeValueAsBytes(fields)), settings.graphTimeout()), channels.accessToken(channel));
        try (var response = http.send(request)) {
            answer(response);
        }
    }

    /** {@code POST /{path}} with a JSON body and a token that is not a number's: the JSON answer. */
    public JsonNode post(GraphRoute route, String path, Object body, Secret accessToken)
            throws IOException, InterruptedException {
        var request = toGraph(OutboundRequest.post(URI.create(baseUrl(route) + "/" + path),
                RequestBody.json(json.writeValueAsBytes(body)), settings.graphTimeout()), accessToken);
        try (var response = http.send(request)) {
            return answer(response);
        }
    }

    private JsonNode readUrl(String url, Secret accessToken) throws IOException {
        try (var response = http.send(toGraph(OutboundRequest.get(URI.create(url), settings.graphTimeout()), accessToken))) {
            return answer(response);
        }
    }

    /** The token goes with the call; the guard checks the address unless this is the operator's Graph API. */
    private OutboundRequest toGraph(OutboundRequest request, Secret accessToken) {
        return request.header("Authorization", "Bearer " + accessToken.reveal())
                .operatorEndpoint(isOperatorGraph(request.uri()));
    }

    /** The operator's Graph API (configured, Meta's own, or the sandbox), as opposed to a channel's own base URL. */
    private boolean isOperatorGraph(URI uri) {
        var origin = origin(uri);
        return origin.equals(configuredOrigin) || origin.equals(metaOrigin)
                || sandboxEnabled && origin.equals(origin(URI.create(sandboxUrl())));
    }

    /**
     * A number's {@code /messages} URL, parsed once per base and number rather than per message: at Meta's pace a
     * broadcast sends a thousand a second to the same one. Bounded, as the numbers of a large platform are many.
     */
    private Target messagesTarget(String base, String phoneNumberId) {
        var key = base + "/" + phoneNumberId + "/messages";
        var known = messagesTargets.get(key);
        if (known != null) {
            return known;
        }
        if (messagesTargets.size() >= MAX_CACHED_URIS) {
            messagesTargets.clear();
        }
        var uri = URI.create(key);
        var target = new Target(uri, isOperatorGraph(uri));
        messagesTargets.put(key, target);
        return target;
    }

    /** @param operator whether the URL is the operator's Graph API (see {@link #isOperatorGraph}) */
    private record Target(URI uri, boolean operator) {}

    private static String origin(URI uri) {
        var scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        var port = uri.getPort() != -1 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
        return scheme + "://" + (uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT)) + ":" + port;
    }

    private static long parseSize(String size) {
        try {
            return Long.parseLong(size.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private JsonNode answer(OutboundResponse response) throws IOException {
        var body = response.bytes(MAX_ANSWER_BYTES);
        JsonNode tree;
        try {
            tree = json.readTree(body);
        } catch (RuntimeException notJson) {
            throw new GraphCallFailed(0, "Graph API answered HTTP " + response.status() + " without JSON");
        }
        if (response.status() >= 300 || tree.has("error")) {
            var error = tree.path("error");
            throw new GraphCallFailed(error.path("code").asInt(0), "Graph API answered HTTP " + response.status()
                    + (error.has("message") ? ": " + error.path("message").asString() : ""));
        }
        return tree;
    }

    /** A redirect counts as a failure: following it could send the token to wherever it points. */
    private static OutboundResponse requireOk(OutboundResponse response) throws IOException {
        if (response.status() >= 300) {
            throw new IOException("Graph API answered HTTP " + response.status());
        }
        return response;
    }

    private SendOutcome outcome(int status, byte[] body) {
        JsonNode tree;
        try {
            tree = json.readTree(body);
        } catch (RuntimeException notJson) {
            return status >= 500 ? refused(LocalFailure.SERVER_ERROR.code(), "Graph API answered HTTP " + status)
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
            return refused(status >= 500 ? LocalFailure.SERVER_ERROR.code() : 0, "Graph API answered HTTP " + status);
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
        if (route.sandbox() && !sandboxEnabled) {
            throw new GraphCallFailed(0, SANDBOX_OFF);
        }
        var known = bases.get(route);
        if (known != null) {
            return known;
        }
        var base = versionedBase(route);
        // The sandbox's URL holds the server's port, known once it listens: not remembered before.
        if (!route.sandbox() || environment.containsProperty("local.server.port")) {
            if (bases.size() >= MAX_CACHED_URIS) {
                bases.clear();
            }
            bases.put(route, base);
        }
        return base;
    }

    private String versionedBase(GraphRoute route) {
        String base;
        if (route.sandbox()) {
            base = sandboxUrl();
        } else if (route.baseUrl() != null && !route.baseUrl().isBlank()) {
            base = route.baseUrl();
        } else {
            base = configuredBase();
        }
        base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        if (VERSIONED.matcher(base).matches()) {
            return base;
        }
        return base + "/" + (route.version() != null ? route.version() : settings.graphVersion());
    }

    private String configuredBase() {
        return settings.graphBaseUrl().isBlank() ? META_GRAPH : settings.graphBaseUrl();
    }

    private String sandboxUrl() {
        return "http://127.0.0.1:" + environment.getProperty("local.server.port",
                environment.getProperty("server.port", "8080")) + "/sandbox/graph";
    }
}
