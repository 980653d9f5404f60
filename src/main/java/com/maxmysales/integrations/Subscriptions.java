package com.maxmysales.integrations;

import java.net.URI;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

import com.maxmysales.platform.Refusal;
import com.maxmysales.platform.outbound.DestinationRefused;
import com.maxmysales.platform.outbound.OutboundGuard;
import com.maxmysales.privacy.crypto.FieldCipher;
import com.maxmysales.shared.Secret;
import com.maxmysales.shared.WorkspaceId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Managing a workspace's webhook subscriptions; the signing secret is shown once and kept encrypted. */
@Service
public class Subscriptions {

    static final String SECRET_FIELD = "webhook_subscriptions.secret";

    private final JdbcClient jdbc;
    private final FieldCipher cipher;
    private final OutboundGuard guard;
    private final Clock clock;

    Subscriptions(JdbcClient jdbc, FieldCipher cipher, OutboundGuard guard, Clock clock) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.guard = guard;
        this.clock = clock;
    }

    public record Created(Subscription subscription, Secret secret) {}

    public Created create(WorkspaceId workspace, String url, List<String> events) {
        var target = validUrl(url);
        var chosen = events == null || events.isEmpty() ? Subscription.EVENTS : List.copyOf(events);
        if (!Subscription.EVENTS.containsAll(chosen)) {
            throw invalid("events must be among " + Subscription.EVENTS);
        }
        var secret = com.maxmysales.shared.Secret.of("whsec_" + java.util.HexFormat.of().formatHex(randomBytes()));
        var id = UUID.randomUUID();
        var now = clock.instant();
        jdbc.sql("""
                insert into webhook_subscriptions (id, workspace_id, url, secret, events, created_at)
                values (:id, :workspace, :url, :secret, :events, :now)
                """)
                .param("id", id).param("workspace", workspace.value()).param("url", target.toString())
                .param("secret", cipher.encrypt(workspace, SECRET_FIELD, secret.reveal()))
                .param("events", chosen.toArray(String[]::new)).param("now", Timestamp.from(now))
                .update();
        return new Created(new Subscription(id, target.toString(), chosen, now, null), secret);
    }

    public List<Subscription> list(WorkspaceId workspace) {
        return jdbc.sql("""
                select id, url, events, created_at, disabled_at from webhook_subscriptions
                where workspace_id = :workspace order by created_at
                """)
                .param("workspace", workspace.value())
                .query((rs, n) -> new Subscription(rs.getObject(1, UUID.class), rs.getString(2),
                        List.of((String[]) rs.getArray(3).getArray()), rs.getTimestamp(4).toInstant(),
                        rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toInstant()))
                .list();
    }

    public void disable(WorkspaceId workspace, UUID id) {
        var updated = jdbc.sql("""
                update webhook_subscriptions set disabled_at = coalesce(disabled_at, :now)
                where workspace_id = :workspace and id = :id
                """)
                .param("now", Timestamp.from(clock.instant())).param("workspace", workspace.value()).param("id", id)
                .update();
        if (updated == 0) {
            throw Refusal.notFound("webhook subscription " + id);
        }
    }

    public List<Delivery> deliveries(WorkspaceId workspace, UUID subscription) {
        if (list(workspace).stream().noneMatch(existing -> existing.id().equals(subscription))) {
            throw Refusal.notFound("webhook subscription " + subscription);
        }
        return jdbc.sql("""
                select id, subscription_id, event_type, state, attempts, last_status_code, last_error, created_at,
                       delivered_at, next_attempt_at
                from webhook_deliveries where workspace_id = :workspace and subscription_id = :subscription
                order by created_at desc limit 200
                """)
                .param("workspace", workspace.value()).param("subscription", subscription)
                .query((rs, n) -> new Delivery(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                        rs.getString(4), rs.getInt(5), (Integer) rs.getObject(6), rs.getString(7),
                        rs.getTimestamp(8).toInstant(), rs.getTimestamp(9) == null ? null : rs.getTimestamp(9).toInstant(),
                        rs.getTimestamp(10).toInstant()))
                .list();
    }

    /**
     * Sends a delivery again now, as a new series of attempts: one that failed for good, or one still waiting
     * for its next try. A delivered one, one whose personal data was erased, or one of a stopped subscription is
     * not sent again.
     */
    public void retry(WorkspaceId workspace, UUID subscription, UUID delivery) {
        var state = jdbc.sql("""
                select d.state, d.payload is null, s.disabled_at is not null
                from webhook_deliveries d join webhook_subscriptions s on s.id = d.subscription_id
                where d.workspace_id = :workspace and d.subscription_id = :subscription and d.id = :id
                """)
                .param("workspace", workspace.value()).param("subscription", subscription).param("id", delivery)
                .query((rs, n) -> rs.getString(1).equals("delivered") ? "delivered" : rs.getBoolean(2) ? "erased"
                        : rs.getBoolean(3) ? "stopped" : "retryable")
                .optional().orElseThrow(() -> Refusal.notFound("webhook delivery " + delivery));
        if (!state.equals("retryable")) {
            throw Refusal.conflict("delivery-not-retryable", "Delivery not retryable", switch (state) {
                case "delivered" -> "this delivery was delivered: it is not sent again";
                case "erased" -> "the personal data of this delivery was erased: it cannot be sent again";
                default -> "the subscription is stopped: its deliveries are not sent again";
            });
        }
        jdbc.sql("""
                update webhook_deliveries set state = 'pending', attempts = 0, next_attempt_at = :now
                where workspace_id = :workspace and id = :id and state <> 'delivered'
                """)
                .param("now", Timestamp.from(clock.instant())).param("workspace", workspace.value()).param("id", delivery)
                .update();
    }

    /** Checked now for a clear answer, and again by the guard at every delivery, as DNS answers change. */
    private URI validUrl(String url) {
        try {
            return guard.check(url);
        } catch (DestinationRefused refused) {
            throw Refusal.unprocessable("destination-refused", "Destination refused",
                    "url: " + refused.reason());
        }
    }

    private static byte[] randomBytes() {
        var bytes = new byte[24];
        new java.security.SecureRandom().nextBytes(bytes);
        return bytes;
    }

    private static Refusal invalid(String detail) {
        return Refusal.invalid("invalid-request", "Invalid request", detail);
    }
}
