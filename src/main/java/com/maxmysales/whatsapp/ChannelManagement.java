package com.maxmysales.whatsapp;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import com.maxmysales.platform.ApiProblem;
import com.maxmysales.privacy.FieldCipher;
import com.maxmysales.shared.Secret;
import com.maxmysales.shared.WorkspaceId;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/** Connecting WhatsApp numbers to workspaces and reading them back, with their access token kept encrypted. */
@Service
public class ChannelManagement {

    static final String TOKEN_FIELD = "channels.access_token";
    static final int DEFAULT_MESSAGES_PER_SECOND = 80;
    private static final Pattern META_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private static final java.time.Duration ROUTE_CACHE_TTL = java.time.Duration.ofMinutes(1);

    private record CachedRoute(Optional<Channel> channel, java.time.Instant expires) {}

    private final java.util.Map<String, CachedRoute> routing = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.Map<UUID, CachedRoute> byId = new java.util.concurrent.ConcurrentHashMap<>();
    private final Channels channels;
    private final FieldCipher cipher;
    private final Clock clock;
    private final GraphBaseUrls graphBaseUrls;

    ChannelManagement(Channels channels, FieldCipher cipher, Clock clock, WhatsAppSettings settings) {
        this.channels = channels;
        this.cipher = cipher;
        this.clock = clock;
        this.graphBaseUrls = new GraphBaseUrls(settings);
    }

    /**
     * @param graphBaseUrl this number's Graph API, when it differs from {@code maxmysales.whatsapp.graph-base-url}
     * @param graphVersion this number's Graph API version, when it differs from the configured one
     */
    public record Connection(String phoneNumberId, String wabaId, String displayPhoneNumber, Secret accessToken,
            Integer messagesPerSecond, boolean sandbox, String graphBaseUrl, String graphVersion) {

        public Connection(String phoneNumberId, String wabaId, String displayPhoneNumber, Secret accessToken,
                Integer messagesPerSecond, boolean sandbox) {
            this(phoneNumberId, wabaId, displayPhoneNumber, accessToken, messagesPerSecond, sandbox, null, null);
        }
    }

    public Channel connect(WorkspaceId workspace, Connection connection) {
        requireMetaId("phoneNumberId", connection.phoneNumberId());
        requireMetaId("wabaId", connection.wabaId());
        if (connection.displayPhoneNumber() == null || connection.displayPhoneNumber().isBlank()) {
            throw invalid("displayPhoneNumber is required");
        }
        if (connection.accessToken() == null || connection.accessToken().isBlank()) {
            throw invalid("accessToken is required");
        }
        var mps = connection.messagesPerSecond() == null ? DEFAULT_MESSAGES_PER_SECOND : connection.messagesPerSecond();
        if (mps < 1 || mps > 1000) {
            throw invalid("messagesPerSecond must be between 1 and 1000 (Meta's range)");
        }
        requireAllowedGraphBase(connection.graphBaseUrl());
        if (connection.graphVersion() != null && !connection.graphVersion().matches("v\\d+\\.\\d+")) {
            throw invalid("graphVersion must look like v25.0");
        }
        var channel = new Channel(UUID.randomUUID(), workspace, connection.phoneNumberId(), connection.wabaId(),
                connection.displayPhoneNumber().strip(), connection.graphBaseUrl(), connection.graphVersion(), mps,
                connection.sandbox(), clock.instant());
        var token = cipher.encrypt(workspace, TOKEN_FIELD, connection.accessToken().reveal());
        if (!channels.insert(channel, token)) {
            throw new ApiProblem(HttpStatus.CONFLICT, "channel-exists", "Number already connected",
                    "phone number id " + connection.phoneNumberId() + " is already connected");
        }
        return channel;
    }

    /** The dispatcher asks this for every message it sends, so found channels are cached briefly. */
    public Channel get(WorkspaceId workspace, UUID channelId) {
        var cached = byId.get(channelId);
        var now = clock.instant();
        if (cached != null && cached.expires().isAfter(now) && cached.channel().get().workspaceId().equals(workspace)) {
            return cached.channel().get();
        }
        var channel = channels.find(workspace, channelId).orElseThrow(() -> ApiProblem.notFound("channel " + channelId));
        byId.put(channelId, new CachedRoute(Optional.of(channel), now.plus(ROUTE_CACHE_TTL)));
        return channel;
    }

    public List<Channel> list(WorkspaceId workspace) {
        return channels.list(workspace);
    }

    /** Webhook routing looks this up for every notification; numbers are connected rarely, so it is cached. */
    public Optional<Channel> byPhoneNumberId(String phoneNumberId) {
        var cached = routing.get(phoneNumberId);
        var now = clock.instant();
        if (cached != null && cached.expires().isAfter(now)) {
            return cached.channel();
        }
        var channel = channels.findByPhoneNumberId(phoneNumberId);
        // Only found numbers are cached: one connected meanwhile on another node must route at once.
        channel.ifPresent(found -> routing.put(phoneNumberId, new CachedRoute(channel, now.plus(ROUTE_CACHE_TTL))));
        return channel;
    }

    public List<WorkspaceId> workspacesOfWaba(String wabaId) {
        return channels.workspacesOfWaba(wabaId);
    }

    Secret accessToken(Channel channel) {
        return Secret.of(cipher.decrypt(channel.workspaceId(), TOKEN_FIELD,
                channels.encryptedToken(channel.workspaceId(), channel.id())));
    }

    /** The token and every send go to a channel's Graph base: only the operator's bases may be named. */
    private void requireAllowedGraphBase(String graphBaseUrl) {
        if (graphBaseUrl != null && !graphBaseUrl.isBlank() && !graphBaseUrls.allows(graphBaseUrl)) {
            throw new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "graph-base-url-not-allowed", "Graph base URL not allowed",
                    // The operator's list is not repeated: it may name internal proxies.
                    "graphBaseUrl must be Meta's Graph API or a base URL the operator allows "
                            + "(maxmysales.whatsapp.allowed-graph-base-urls)");
        }
    }

    private static void requireMetaId(String name, String value) {
        if (value == null || !META_ID.matcher(value).matches()) {
            throw invalid(name + " must be Meta's id of it (letters, digits, up to 64)");
        }
    }

    private static ApiProblem invalid(String detail) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", detail);
    }
}
