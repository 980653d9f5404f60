package com.maxmysales.whatsapp.webhook;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.maxmysales.platform.Backoff;
import com.maxmysales.privacy.crypto.BlindIndex;
import com.maxmysales.privacy.crypto.FieldCipher;
import com.maxmysales.shared.PhoneNumber;
import com.maxmysales.shared.WorkspaceId;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The durable inbox of webhook POSTs. Bodies are personal data (names, numbers, message text), so they are
 * stored encrypted; the workspace is not known before parsing, so they use a platform-wide data key.
 */
@Repository
class WebhookInbox {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(WebhookInbox.class);

    /** The key scope of data that belongs to no workspace yet: the nil UUID is never a workspace id. */
    static final WorkspaceId PLATFORM_SCOPE = new WorkspaceId(new UUID(0, 0));
    static final String BODY_FIELD = "webhook_events.body";
    /** 2 s, 4 s, 8 s... at most an hour; no jitter: a failed event is retried against our own database, not a server. */
    private static final Backoff BACKOFF = Backoff.exponential(Duration.ofSeconds(2), Duration.ofHours(1));

    record StoredEvent(long id, byte[] body, int attempts) {}

    private final JdbcClient jdbc;
    private final FieldCipher cipher;
    private final BlindIndex index;
    private final Clock clock;

    WebhookInbox(JdbcClient jdbc, FieldCipher cipher, BlindIndex index, Clock clock) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.index = index;
        this.clock = clock;
    }

    /**
     * A body ready to store: encrypted, with the hash that makes a redelivery a no-op.
     *
     * @param urgent it carries customers' messages, which are applied before queued delivery statuses
     */
    record Sealed(byte[] hash, byte[] ciphertext, boolean urgent) {}

    private static final byte[] MESSAGES_KEY = "\"messages\"".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    Sealed seal(byte[] body) {
        return new Sealed(sha256(body), cipher.encryptBytes(PLATFORM_SCOPE, BODY_FIELD, body), carriesMessages(body));
    }

    /**
     * Meta's {@code messages} key (not the value of {@code "field": "messages"}, which every notification of the
     * messages field has); a status-only notification has {@code statuses} instead. Read before parsing.
     */
    static boolean carriesMessages(byte[] body) {
        outer:
        for (int i = 0; i + MESSAGES_KEY.length <= body.length; i++) {
            for (int j = 0; j < MESSAGES_KEY.length; j++) {
                if (body[i + j] != MESSAGES_KEY[j]) {
                    continue outer;
                }
            }
            var next = i + MESSAGES_KEY.length;
            while (next < body.length && Character.isWhitespace(body[next])) {
                next++;
            }
            if (next < body.length && body[next] == ':') {
                return true;
            }
        }
        return false;
    }

    /**
     * Stores many bodies in one INSERT and one commit, so concurrent webhooks share a disk flush.
     * A redelivered body (same bytes) changes nothing.
     *
     * @return the hashes of the bodies that were new
     */
    java.util.Set<java.nio.ByteBuffer> storeAll(List<Sealed> bodies) {
        var now = Timestamp.from(clock.instant());
        var values = String.join(", ", java.util.Collections.nCopies(bodies.size(), "(?, ?, ?, ?, ?)"));
        var statement = jdbc.sql("insert into webhook_events (body_hash, body, received_at, next_attempt_at, urgent) values "
                + values + " on conflict (body_hash) do nothing returning body_hash");
        var position = 0;
        for (var body : bodies) {
            statement = statement.param(++position, body.hash()).param(++position, body.ciphertext())
                    .param(++position, now).param(++position, now).param(++position, body.urgent());
        }
        var created = new java.util.HashSet<java.nio.ByteBuffer>();
        statement.query((rs, n) -> java.nio.ByteBuffer.wrap(rs.getBytes(1))).list().forEach(created::add);
        return created;
    }

    /** The channel on which every node's urgent worker hears that a customer's message was stored (by any node). */
    static final String URGENT_CHANNEL = "webhook_events_urgent";

    /** In the storing transaction: PostgreSQL delivers it once the events are committed, to every node. */
    void announceUrgent() {
        jdbc.sql("select 1 from pg_notify('" + URGENT_CHANNEL + "', '')").query(Integer.class).single();
    }

    /**
     * Leases up to {@code limit} due events of one lane to the caller until {@code until}, and commits that at once
     * (its own statement, in the caller's short transaction): no other worker, on any node, takes them meanwhile, even
     * between a failed attempt's rollback and its record. A worker that dies holding a lease leaves its events due
     * again when the lease ends.
     *
     * @param urgent the events that carry customers' messages, or the others (delivery statuses and the rest): never
     *               both in one batch, so a customer's message never waits for a hundred webhooks of statuses to apply
     */
    List<StoredEvent> lease(int limit, Instant until, boolean urgent) {
        return jdbc.sql("""
                update webhook_events set next_attempt_at = :until
                where id in (select id from webhook_events
                             where state = 'pending' and urgent = :urgent and next_attempt_at <= :now
                             order by urgent desc, id limit :limit
                             for update skip locked)
                returning id, body, attempts
                """)
                .param("until", Timestamp.from(until)).param("now", Timestamp.from(clock.instant()))
                .param("limit", limit).param("urgent", urgent)
                .query((rs, n) -> new LeasedRow(rs.getLong(1), rs.getBytes(2), rs.getInt(3)))
                .list().stream().map(this::opened).flatMap(java.util.Optional::stream)
                .sorted(java.util.Comparator.comparingLong(StoredEvent::id)).toList();
    }

    private record LeasedRow(long id, byte[] body, int attempts) {}

    /**
     * A body this node cannot decrypt (written under another master key, or damaged) stays leased and is skipped:
     * failing the whole batch for it held every other event back, each retry leasing the same row again.
     */
    private java.util.Optional<StoredEvent> opened(LeasedRow row) {
        try {
            return java.util.Optional.of(new StoredEvent(row.id(),
                    cipher.decryptBytes(PLATFORM_SCOPE, BODY_FIELD, row.body()), row.attempts()));
        } catch (com.maxmysales.privacy.crypto.DecryptionFailedException unreadable) {
            log.warn("Webhook event {} cannot be decrypted with this node's keys; skipped until its lease ends",
                    row.id());
            return java.util.Optional.empty();
        }
    }

    /** What applying one event found: whether every notification had a workspace, and whose numbers it named. */
    record Applied(long id, boolean routable, java.util.Set<PhoneNumber> phones) {}

    /**
     * Marks a batch of applied events and records their subjects in two statements, whatever the batch size:
     * per event they were the bulk of a batch's round trips.
     */
    void markApplied(List<Applied> applied) {
        if (applied.isEmpty()) {
            return;
        }
        recordSubjects(applied);
        jdbc.sql("""
                update webhook_events
                set state = case when id in (:unroutable) then 'unroutable' else 'processed' end,
                    processed_at = :now, attempts = attempts + 1, failure = null
                where id in (:ids)
                """)
                // An empty IN list is not SQL; no event has id 0.
                .param("unroutable", ids(applied.stream().filter(event -> !event.routable()).toList(), 0L))
                .param("now", Timestamp.from(clock.instant())).param("ids", ids(applied, null))
                .update();
    }

    private static List<Long> ids(List<Applied> applied, Long whenEmpty) {
        var ids = applied.stream().map(Applied::id).toList();
        return ids.isEmpty() && whenEmpty != null ? List.of(whenEmpty) : ids;
    }

    /**
     * A failed attempt of a leased event: retried with backoff, or after {@code maxAttempts} parked as a dead letter
     * (kept, counted, listed for the operator, never purged while parked). A parked event records whose numbers it
     * names, so that an erasure finds it, and which workspaces it is for, so that the operator sees whom it concerns.
     *
     * @param reason the exception's type: never a message, which may quote the payload
     * @param workspaces the workspaces the event's notifications are for, as far as they could be read
     * @return whether the event is parked now
     */
    boolean markFailed(StoredEvent event, String reason, int maxAttempts, java.util.Set<PhoneNumber> phones,
            java.util.Set<WorkspaceId> workspaces) {
        var attempts = event.attempts() + 1;
        var now = clock.instant();
        var parked = attempts >= maxAttempts;
        jdbc.sql("""
                update webhook_events
                set attempts = :attempts, failure = :reason, next_attempt_at = :retryAt,
                    state = case when :parked then 'parked' else 'pending' end,
                    parked_at = case when :parked then cast(:now as timestamptz) end,
                    workspace_ids = case when :parked then cast(cast(:workspaces as text[]) as uuid[]) end
                where id = :id
                """)
                .param("attempts", attempts).param("reason", reason)
                .param("workspaces", workspaces.stream().map(workspace -> workspace.value().toString()).sorted()
                        .toArray(String[]::new))
                .param("retryAt", Timestamp.from(now.plus(BACKOFF.after(attempts)))).param("parked", parked)
                .param("now", Timestamp.from(now)).param("id", event.id())
                .update();
        if (parked) {
            recordSubjects(List.of(new Applied(event.id(), true, phones)));
        }
        return parked;
    }

    /**
     * A dead letter as the operator sees it.
     *
     * @param workspaceIds the workspaces it is for, by id only; empty when unknown (parked before they were kept,
     *                     or its body could not be read)
     * @param failure the last error's exception type
     */
    record Parked(long id, List<UUID> workspaceIds, Instant receivedAt, @Nullable Instant parkedAt, int attempts,
            @Nullable String failure) {}

    /** Dead letters, oldest first: what the operator sees (never a body, which is personal data). */
    List<Parked> parked(int limit) {
        return jdbc.sql("""
                select id, workspace_ids, received_at, parked_at, attempts, failure from webhook_events
                where state = 'parked' order by id limit :limit
                """)
                .param("limit", limit)
                .query((rs, n) -> new Parked(rs.getLong(1),
                        rs.getArray(2) == null ? List.of() : List.of((UUID[]) rs.getArray(2).getArray()),
                        rs.getTimestamp(3).toInstant(),
                        rs.getTimestamp(4) == null ? null : rs.getTimestamp(4).toInstant(), rs.getInt(5), rs.getString(6)))
                .list();
    }


    int parkedCount() {
        return jdbc.sql("select count(*) from webhook_events where state = 'parked'").query(Integer.class).single();
    }

    /**
     * Makes parked events due now, with a fresh set of attempts (the cause is meant to be fixed); their last
     * error stays until they are applied.
     *
     * @param id one event; null for every parked event
     * @return how many were parked and are pending again
     */
    int unpark(@Nullable Long id) {
        return jdbc.sql("""
                update webhook_events set state = 'pending', attempts = 0, next_attempt_at = :now, parked_at = null
                where state = 'parked' and (cast(:id as bigint) is null or id = :id)
                """)
                .param("now", Timestamp.from(clock.instant())).param("id", id)
                .update();
    }

    /** Remembers whose numbers each event names, as tombstone hashes, so an erasure finds it. */
    private void recordSubjects(List<Applied> applied) {
        var events = new java.util.ArrayList<Long>();
        var subjects = new java.util.ArrayList<byte[]>();
        for (var event : applied) {
            for (var phone : event.phones()) {
                events.add(event.id());
                subjects.add(index.tombstone(phone));
            }
        }
        if (events.isEmpty()) {
            return;
        }
        // Two arrays, not a VALUES row per subject: a batch of status webhooks names thousands of numbers.
        jdbc.sql("""
                insert into webhook_event_subjects (event_id, subject)
                select * from unnest(?, ?) on conflict do nothing
                """)
                .param(1, events.stream().mapToLong(Long::longValue).toArray())
                .param(2, subjects.toArray(byte[][]::new))
                .update();
    }

    int eraseAbout(java.util.Set<PhoneNumber> phones) {
        if (phones.isEmpty()) {
            return 0;
        }
        return jdbc.sql("""
                delete from webhook_events
                where id in (select event_id from webhook_event_subjects where subject in (:subjects))
                """)
                .param("subjects", phones.stream().map(index::tombstone).toList())
                .update();
    }

    /**
     * Raw events are content too: those received before the cutoff and already applied go. A pending or parked
     * event is not applied yet: it stays until it is (an erasure still reaches a parked one).
     */
    int purgeReceivedBefore(Instant cutoff, java.util.Set<Long> kept, boolean dryRun) {
        var where = " from webhook_events where received_at < :cutoff and state in ('processed', 'unroutable')"
                + " and id <> all(cast(:kept as bigint[]))";
        var keptIds = kept.toArray(Long[]::new);
        if (dryRun) {
            return jdbc.sql("select count(*)" + where).param("cutoff", Timestamp.from(cutoff)).param("kept", keptIds)
                    .query(Integer.class).single();
        }
        return jdbc.sql("delete" + where).param("cutoff", Timestamp.from(cutoff)).param("kept", keptIds).update();
    }

    private static byte[] sha256(byte[] body) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(body);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
