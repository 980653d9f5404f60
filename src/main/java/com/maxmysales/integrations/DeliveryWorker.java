package com.maxmysales.integrations;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.maxmysales.platform.Backoff;
import com.maxmysales.platform.PollingWorkers;
import com.maxmysales.platform.outbound.DestinationRefused;
import com.maxmysales.platform.outbound.OutboundHttp;
import com.maxmysales.platform.outbound.OutboundRequest;
import com.maxmysales.platform.outbound.RequestBody;
import com.maxmysales.privacy.crypto.FieldCipher;
import com.maxmysales.shared.WorkspaceId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers pending webhook deliveries: POSTs the JSON with {@code X-MaxMySales-Signature: sha256=<HMAC of the
 * body with the subscription's secret>}, any 2xx counts as delivered, anything else is retried with
 * exponential backoff and jitter (about a day in all) and then marked failed; every try is in the log, with
 * the reason when the outbound-HTTP guard refused the address the host resolves to now. Redirects are not
 * followed.
 */
@Component
class DeliveryWorker extends PollingWorkers {

    private static final int BATCH = 50;
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    /** 4 s, 8 s, 16 s... at most 6 hours, each taken down by up to half: 12 tries span about a day. */
    private static final Backoff BACKOFF = Backoff.exponential(Duration.ofSeconds(4), Duration.ofHours(6)).withJitter(0.5);

    private record Due(UUID id, WorkspaceId workspace, String url, byte[] secret, String eventType, byte[] payload,
            int attempts) {}

    private final JdbcClient jdbc;
    private final FieldCipher cipher;
    private final IntegrationSettings settings;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private final OutboundHttp http;

    DeliveryWorker(JdbcClient jdbc, FieldCipher cipher, IntegrationSettings settings, Clock clock,
            PlatformTransactionManager transactions, DeliverySignal signal, OutboundHttp http) {
        super("webhook-delivery", 1, 1000, signal);
        this.http = http;
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.settings = settings;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
    }

    @Override
    protected int work() {
        var due = transaction.execute(status -> {
            var now = Timestamp.from(clock.instant());
            var rows = jdbc.sql("""
                    select d.id, d.workspace_id, s.url, s.secret, d.event_type, d.payload, d.attempts
                    from webhook_deliveries d join webhook_subscriptions s on s.id = d.subscription_id
                    where d.state = 'pending' and d.next_attempt_at <= :now
                    order by d.next_attempt_at limit :limit
                    for update of d skip locked
                    """)
                    .param("now", now).param("limit", BATCH)
                    .query((rs, n) -> new Due(rs.getObject(1, UUID.class), new WorkspaceId(rs.getObject(2, UUID.class)),
                            rs.getString(3), rs.getBytes(4), rs.getString(5), rs.getBytes(6), rs.getInt(7)))
                    .list();
            // Leased for the length of a try, so another node does not deliver them meanwhile.
            rows.forEach(row -> jdbc.sql("update webhook_deliveries set next_attempt_at = :lease where id = :id")
                    .param("lease", Timestamp.from(clock.instant().plus(TIMEOUT.multipliedBy(3)))).param("id", row.id())
                    .update());
            return rows;
        });
        due.forEach(this::deliver);
        return due.size();
    }

    private void deliver(Due due) {
        var body = cipher.decryptBytes(due.workspace(), EventFanOut.PAYLOAD_FIELD, due.payload());
        Integer status = null;
        String error = null;
        var secret = cipher.decrypt(due.workspace(), Subscriptions.SECRET_FIELD, due.secret());
        var request = OutboundRequest.post(URI.create(due.url()), RequestBody.json(body), TIMEOUT)
                .header("X-MaxMySales-Event", due.eventType())
                .header("X-MaxMySales-Delivery", due.id().toString())
                .header("X-MaxMySales-Signature", "sha256=" + hmac(secret, body));
        // The guard resolves the host again for this connection and connects to the address it checked.
        try (var response = http.send(request)) {
            status = response.status();
        } catch (DestinationRefused refused) {
            error = "destination refused: " + refused.reason();
        } catch (Exception e) {
            error = e.getClass().getSimpleName();
        }
        record(due, status, error);
    }

    private void record(Due due, Integer status, String error) {
        var now = clock.instant();
        var attempts = due.attempts() + 1;
        var delivered = status != null && status >= 200 && status < 300;
        var givenUp = !delivered && attempts >= settings.maxAttempts();
        var retryAt = now.plus(BACKOFF.after(attempts));
        jdbc.sql("""
                update webhook_deliveries
                set state = :state, attempts = :attempts, last_status_code = :status, last_error = :error,
                    delivered_at = :deliveredAt, next_attempt_at = :retryAt
                where workspace_id = :workspace and id = :id
                """)
                .param("state", delivered ? "delivered" : givenUp ? "failed" : "pending").param("attempts", attempts)
                .param("status", status).param("error", error)
                .param("deliveredAt", delivered ? Timestamp.from(now) : null).param("retryAt", Timestamp.from(retryAt))
                .param("workspace", due.workspace().value()).param("id", due.id())
                .update();
    }

    static String hmac(String secret, byte[] body) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
