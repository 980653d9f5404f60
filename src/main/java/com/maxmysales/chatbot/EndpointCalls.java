package com.maxmysales.chatbot;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.maxmysales.platform.outbound.DestinationRefused;
import com.maxmysales.platform.outbound.OutboundHttp;
import com.maxmysales.platform.outbound.OutboundRequest;
import com.maxmysales.platform.outbound.RequestBody;
import com.maxmysales.privacy.crypto.FieldCipher;
import com.maxmysales.shared.ContactId;
import com.maxmysales.shared.WorkspaceId;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * A flow's call to the business's own HTTPS endpoint: a JSON POST signed as the outbound webhooks are
 * ({@code X-MaxMySales-Signature: sha256=<HMAC-SHA256 of the body>}) with the workspace's bot secret, through the
 * outbound-HTTP guard (private addresses refused). What the endpoint answers is not waited for beyond a few
 * seconds and changes nothing: a failed call is logged and the flow goes on.
 */
@Component
class EndpointCalls {

    private static final Logger log = LoggerFactory.getLogger(EndpointCalls.class);
    static final Duration TIMEOUT = Duration.ofSeconds(5);
    static final String SECRET_FIELD = "chatbot_settings.signing_secret";

    private final OutboundHttp http;
    private final FieldCipher cipher;
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    EndpointCalls(OutboundHttp http, FieldCipher cipher, JdbcClient jdbc, JsonMapper json, Clock clock) {
        this.http = http;
        this.cipher = cipher;
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /** @return the HTTP status, or -1 when the call was refused or failed */
    int call(WorkspaceId workspace, String url, UUID conversation, ContactId contact, Map<String, Object> attributes) {
        var body = json.writeValueAsBytes(Map.of("event", "chatbot.step", "conversationId", conversation,
                "contactId", contact.value(), "attributes", attributes, "at", clock.instant().toString()));
        var request = OutboundRequest.post(URI.create(url), RequestBody.json(body), TIMEOUT)
                .header("X-MaxMySales-Signature", "sha256=" + hmac(secret(workspace), body));
        try (var response = http.send(request)) {
            return response.status();
        } catch (DestinationRefused refused) {
            log.warn("A flow's endpoint call was refused: {}", refused.getMessage());
            return -1;
        } catch (IOException | RuntimeException failed) {
            log.warn("A flow's endpoint call failed: {}", failed.toString());
            return -1;
        }
    }

    /** The workspace's signing secret, made on first use. */
    String secret(WorkspaceId workspace) {
        var stored = jdbc.sql("select signing_secret from chatbot_settings where workspace_id = :workspace")
                .param("workspace", workspace.value()).query(byte[].class).optional();
        if (stored.isPresent() && stored.get() != null) {
            return cipher.decrypt(workspace, SECRET_FIELD, stored.get());
        }
        var bytes = new byte[32];
        random.nextBytes(bytes);
        var secret = "bot_" + HexFormat.of().formatHex(bytes);
        jdbc.sql("""
                insert into chatbot_settings (workspace_id, signing_secret, updated_at) values (:workspace, :secret, :now)
                on conflict (workspace_id) do update set signing_secret = coalesce(chatbot_settings.signing_secret,
                                                                                   excluded.signing_secret)
                """)
                .param("workspace", workspace.value()).param("secret", cipher.encrypt(workspace, SECRET_FIELD, secret))
                .param("now", java.sql.Timestamp.from(clock.instant())).update();
        var kept = jdbc.sql("select signing_secret from chatbot_settings where workspace_id = :workspace")
                .param("workspace", workspace.value()).query(byte[].class).single();
        return cipher.decrypt(workspace, SECRET_FIELD, kept);
    }

    boolean hasSecret(WorkspaceId workspace) {
        return jdbc.sql("select signing_secret is not null from chatbot_settings where workspace_id = :workspace")
                .param("workspace", workspace.value()).query(Boolean.class).optional().orElse(false);
    }

    /** A new secret replaces the old one at once: the business's endpoint must check with the new one from now on. */
    String rotate(WorkspaceId workspace) {
        var bytes = new byte[32];
        random.nextBytes(bytes);
        var secret = "bot_" + HexFormat.of().formatHex(bytes);
        jdbc.sql("""
                insert into chatbot_settings (workspace_id, signing_secret, updated_at) values (:workspace, :secret, :now)
                on conflict (workspace_id) do update set signing_secret = excluded.signing_secret, updated_at = excluded.updated_at
                """)
                .param("workspace", workspace.value()).param("secret", cipher.encrypt(workspace, SECRET_FIELD, secret))
                .param("now", java.sql.Timestamp.from(clock.instant())).update();
        return secret;
    }

    static String hmac(String secret, byte[] body) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
