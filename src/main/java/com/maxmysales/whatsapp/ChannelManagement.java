package com.maxmysales.whatsapp;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import com.maxmysales.platform.Refusal;
import com.maxmysales.privacy.crypto.FieldCipher;
import com.maxmysales.shared.Secret;
import com.maxmysales.shared.WorkspaceId;
import com.maxmysales.whatsapp.spi.SandboxAccounts;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Connecting WhatsApp numbers to workspaces and reading them back, with their access token kept encrypted. A
 * real number is connected only once Meta confirms that its token may act for it; a sandbox number is opened
 * by the sandbox, which draws its ids and token.
 */
@Service
public class ChannelManagement {

    static final String TOKEN_FIELD = "channels.access_token";
    static final int DEFAULT_MESSAGES_PER_SECOND = 80;
    private static final Pattern META_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private static final java.time.Duration ROUTE_CACHE_TTL = java.time.Duration.ofMinutes(1);

    private record CachedRoute(Optional<Channel> channel, java.time.Instant expires) {}

    private final java.util.Map<String, CachedRoute> routing = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.Map<UUID, CachedRoute> byId = new java.util.concurrent.ConcurrentHashMap<>();
    /**
     * Decrypted tokens, read again after a few seconds: a send (a thousand a second) then costs no read and no
     * decryption, and a token replaced or erased on another node stops being used within that time (on this node at
     * once, {@link #forget}). Key rotation re-encrypts the same token, which changes nothing here.
     */
    private static final java.time.Duration TOKEN_CACHE_TTL = java.time.Duration.ofSeconds(5);

    private record CachedToken(Secret token, java.time.Instant expires) {}

    private final java.util.Map<UUID, CachedToken> tokens = new java.util.concurrent.ConcurrentHashMap<>();
    /** Numbers whose first webhook this node has recorded: later ones write nothing. */
    private final java.util.Set<UUID> heard = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final Channels channels;
    private final FieldCipher cipher;
    private final NumberOwnership ownership;
    private final ObjectProvider<SandboxAccounts> sandbox;
    private final Clock clock;
    private final GraphBaseUrls graphBaseUrls;
    private final NumberStandings standings;

    ChannelManagement(Channels channels, FieldCipher cipher, NumberOwnership ownership,
            ObjectProvider<SandboxAccounts> sandbox, Clock clock, WhatsAppSettings settings, NumberStandings standings) {
        this.channels = channels;
        this.standings = standings;
        this.cipher = cipher;
        this.ownership = ownership;
        this.sandbox = sandbox;
        this.clock = clock;
        this.graphBaseUrls = new GraphBaseUrls(settings);
    }

    /**
     * @param graphBaseUrl this number's Graph API, when it differs from {@code maxmysales.whatsapp.graph-base-url}
     * @param graphVersion this number's Graph API version, when it differs from the configured one
     */
    public record Connection(String phoneNumberId, String wabaId, String displayPhoneNumber, Secret accessToken,
            Integer messagesPerSecond, String graphBaseUrl, String graphVersion) {

        public Connection(String phoneNumberId, String wabaId, String displayPhoneNumber, Secret accessToken,
                Integer messagesPerSecond) {
            this(phoneNumberId, wabaId, displayPhoneNumber, accessToken, messagesPerSecond, null, null);
        }
    }

    public Channel connect(WorkspaceId workspace, Connection connection) {
        if (connection.displayPhoneNumber() == null || connection.displayPhoneNumber().isBlank()) {
            requireMetaId("phoneNumberId", connection.phoneNumberId());
            requireMetaId("wabaId", connection.wabaId());
            throw invalid("displayPhoneNumber is required");
        }
        return connectConfirmed(workspace, connection).channel();
    }

    /** A number connected from the settings page, with what Meta said of it. */
    public record ConnectedNumber(Channel channel, MetaNumber meta) {
    }

    /**
     * Connects a real number from its ids and token alone: the number as customers see it is Meta's answer, and
     * that answer (verified name, quality, throughput, messaging limit) is shown to the person connecting it.
     */
    public ConnectedNumber connectFromMeta(WorkspaceId workspace, String phoneNumberId, String wabaId, Secret accessToken) {
        return connectConfirmed(workspace, new Connection(blankToNull(phoneNumberId), blankToNull(wabaId), null,
                accessToken, null));
    }

    private ConnectedNumber connectConfirmed(WorkspaceId workspace, Connection connection) {
        requireMetaId("phoneNumberId", connection.phoneNumberId());
        requireMetaId("wabaId", connection.wabaId());
        if (connection.accessToken() == null || connection.accessToken().isBlank()) {
            throw invalid("accessToken is required");
        }
        var mps = messagesPerSecond(connection.messagesPerSecond());
        requireAllowedGraphBase(connection.graphBaseUrl());
        if (connection.graphVersion() != null && !connection.graphVersion().matches("v\\d+\\.\\d+")) {
            throw invalid("graphVersion must look like v25.0");
        }
        // Asked before the number's id is looked up here, so that its answer and its time tell nothing about who has it.
        var meta = ownership.confirm(connection);
        var display = connection.displayPhoneNumber() != null ? connection.displayPhoneNumber().strip()
                : meta.displayPhoneNumber() != null ? meta.displayPhoneNumber() : connection.phoneNumberId();
        var channel = new Channel(UUID.randomUUID(), workspace, connection.phoneNumberId(), connection.wabaId(),
                display, connection.graphBaseUrl(), connection.graphVersion(), mps, false, clock.instant());
        var token = cipher.encrypt(workspace, TOKEN_FIELD, connection.accessToken().reveal());
        if (!channels.insert(channel, token)) {
            var connectedHere = channels.findByPhoneNumberId(connection.phoneNumberId())
                    .filter(existing -> existing.workspaceId().equals(workspace)).isPresent();
            if (connectedHere) {
                throw Refusal.conflict("channel-exists", "Number already connected",
                        "phone number id " + connection.phoneNumberId() + " is already connected to this workspace");
            }
            // Another workspace has it: answered exactly as a number Meta does not confirm, which reveals no one.
            throw NumberOwnership.notConfirmed(connection);
        }
        remember(channel, meta);
        return new ConnectedNumber(channel, meta);
    }

    /** What Meta said when the number was connected is its standing until Meta's webhooks say more. */
    private void remember(Channel channel, MetaNumber meta) {
        if (meta.verifiedName() == null && meta.messagingLimit() == null) {
            return;
        }
        var known = standings.lock(channel);
        standings.save(channel, new NumberStanding(known.qualityEvent(), known.qualityFlagged(),
                meta.messagingLimit() != null ? meta.messagingLimit() : known.messagingLimitTier(),
                known.dailyRecipientLimit(), known.qualityUpdatedAt(),
                meta.verifiedName() != null ? meta.verifiedName() : known.verifiedName(), known.nameStatus(),
                known.nameRejectionReason(), known.nameUpdatedAt(), known.accountEvent(), known.accountDetail(),
                known.accountUpdatedAt(), known.hold()));
    }

    /**
     * The pace the platform keeps for the number, in messages a second; Meta's own limit changes move it too.
     *
     * @throws Refusal not found when the number is not connected to the workspace
     */
    @Transactional
    public void changePace(WorkspaceId workspace, UUID channelId, int messagesPerSecond) {
        var mps = messagesPerSecond(messagesPerSecond);
        if (!channels.changeMessagesPerSecond(workspace, channelId, mps)) {
            throw Refusal.notFound("channel " + channelId);
        }
        forget(channelId);
    }

    /**
     * Takes the number out of the workspace: its token is erased (a new random one, encrypted, stands in its
     * place, so nothing is sent with the old one again), its webhooks are no longer routed, and its id may be
     * connected again later; a sandbox number is closed in the sandbox too. Its conversations and messages stay.
     * Disconnecting twice is the same as once.
     *
     * @return false when it was already disconnected; not found when it was never this workspace's
     */
    @Transactional
    public boolean disconnect(WorkspaceId workspace, UUID channelId) {
        var channel = channels.find(workspace, channelId).orElseThrow(() -> Refusal.notFound("channel " + channelId));
        var erased = cipher.encrypt(workspace, TOKEN_FIELD, "disconnected-" + UUID.randomUUID());
        var disconnected = channels.disconnect(workspace, channelId, erased, clock.instant());
        forget(channelId);
        var accounts = sandbox.getIfAvailable();
        if (disconnected && channel.sandbox() && accounts != null) {
            accounts.closeNumber(workspace, channel.phoneNumberId());
        }
        return disconnected;
    }

    /** Meta sent a webhook for the number: the first one confirms that its Meta app is set up. */
    public void heardFrom(Channel channel) {
        if (heard.add(channel.id())) {
            channels.heardFrom(channel.id(), clock.instant());
        }
    }

    /** When Meta first sent a webhook for each number of the workspace that has had one. */
    public java.util.Map<UUID, java.time.Instant> firstWebhooks(WorkspaceId workspace) {
        return channels.firstWebhooks(workspace);
    }

    /**
     * A new number on the built-in sandbox: the sandbox draws its ids and token, and answers for it, and only
     * for it, to this workspace alone. One transaction with the sandbox's registry: both or neither.
     *
     * @param messagesPerSecond the number's limit, 80 when null
     */
    @Transactional
    public Channel connectSandbox(WorkspaceId workspace, Integer messagesPerSecond) {
        var accounts = sandbox.getIfAvailable();
        if (accounts == null) {
            throw new Refusal(Refusal.Kind.NOT_FOUND, "sandbox-off", "The sandbox is off",
                    "this platform runs without its sandbox (maxmysales.sandbox.enabled=false): connect a real number");
        }
        var mps = messagesPerSecond(messagesPerSecond);
        SandboxAccounts.SandboxNumber number;
        try {
            number = accounts.openNumber(workspace);
        } catch (SandboxAccounts.LimitReached enough) {
            throw Refusal.unprocessable("sandbox-limit", "Sandbox limit reached",
                    enough.getMessage());
        }
        var channel = new Channel(UUID.randomUUID(), workspace, number.phoneNumberId(), number.wabaId(),
                number.displayPhoneNumber(), null, null, mps, true, clock.instant());
        if (!channels.insert(channel, cipher.encrypt(workspace, TOKEN_FIELD, number.accessToken().reveal()))) {
            throw new IllegalStateException("the sandbox drew phone-number id " + number.phoneNumberId()
                    + ", which a connected number already has");
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
        var channel = channels.find(workspace, channelId).orElseThrow(() -> Refusal.notFound("channel " + channelId));
        byId.put(channelId, new CachedRoute(Optional.of(channel), now.plus(ROUTE_CACHE_TTL)));
        return channel;
    }

    /** What Meta last said of the number: quality, tier and limit, display-name review, a hold on its sending. */
    public NumberStanding standing(WorkspaceId workspace, UUID channelId) {
        return standings.find(workspace, channelId).at(clock.instant());
    }

    /** Every number's standing in the workspace; a number Meta never spoke of is absent. */
    public java.util.Map<UUID, NumberStanding> standings(WorkspaceId workspace) {
        var now = clock.instant();
        var all = standings.all(workspace);
        all.replaceAll((channel, standing) -> standing.at(now));
        return all;
    }

    /**
     * The number changed (Meta changed its rate): this node reads it again once the change commits (a read before
     * would cache the old row again); other nodes within a minute, while the outbox paces it at once.
     */
    void forget(UUID channelId) {
        Runnable evict = () -> {
            byId.remove(channelId);
            tokens.remove(channelId);
            routing.values().removeIf(route -> route.channel().filter(channel -> channel.id().equals(channelId)).isPresent());
        };
        evict.run();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    evict.run();
                }
            });
        }
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
        var now = clock.instant();
        var cached = tokens.get(channel.id());
        if (cached != null && cached.expires().isAfter(now)) {
            return cached.token();
        }
        var token = Secret.of(cipher.decrypt(channel.workspaceId(), TOKEN_FIELD,
                channels.encryptedToken(channel.workspaceId(), channel.id())));
        tokens.put(channel.id(), new CachedToken(token, now.plus(TOKEN_CACHE_TTL)));
        return token;
    }

    /** The token and every send go to a channel's Graph base: only the operator's bases may be named. */
    private void requireAllowedGraphBase(String graphBaseUrl) {
        if (graphBaseUrl != null && !graphBaseUrl.isBlank() && !graphBaseUrls.allows(graphBaseUrl)) {
            throw Refusal.unprocessable("graph-base-url-not-allowed", "Graph base URL not allowed",
                    // The operator's list is not repeated: it may name internal proxies.
                    "graphBaseUrl must be Meta's Graph API or a base URL the operator allows "
                            + "(maxmysales.whatsapp.allowed-graph-base-urls)");
        }
    }

    private static int messagesPerSecond(Integer requested) {
        var mps = requested == null ? DEFAULT_MESSAGES_PER_SECOND : requested;
        if (mps < 1 || mps > 1000) {
            throw invalid("messagesPerSecond must be between 1 and 1000 (Meta's range)");
        }
        return mps;
    }

    private static void requireMetaId(String name, String value) {
        if (value == null || !META_ID.matcher(value).matches()) {
            throw invalid(name + " must be Meta's id of it (letters, digits, up to 64)");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static Refusal invalid(String detail) {
        return Refusal.invalid("invalid-request", "Invalid request", detail);
    }
}
