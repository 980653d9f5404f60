package com.maxmysales.bench;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.postgresql.PGConnection;

/**
 * Where the time of {@code inbox-live} goes, stage by stage, for each measured customer's message: the bench's
 * sandbox POST, its webhook stored ({@code webhook_events.received_at}, in the group commit), leased by a worker
 * ({@code next_attempt_at} minus the lease), applied ({@code processed_at}, in the transaction that inserts the
 * message row), its NOTIFY heard by a listener of the bench's own on {@code inbox_events} (the commit and PostgreSQL's
 * delivery), and its SSE frame at the client (the platform's listener, the event's body and the stream's write).
 * The webhook event of a message is the one its applying transaction marked: the same {@code xmin}; a transaction
 * that applied several is paired in order (events by when stored, messages by when posted). Every time is this
 * machine's wall clock, which the platform's timestamps use too.
 */
final class LiveStages implements AutoCloseable {

    /** {@code WebhookProcessor.LEASE}: a lease is taken until now plus this. */
    private static final Duration LEASE = Duration.ofMinutes(2);
    static final List<String> STAGES = List.of("answered", "stored", "leased", "applied", "notified", "streamed", "total");

    private final Map<UUID, Instant> notified = new ConcurrentHashMap<>();
    private final java.sql.Connection listening;
    private final Thread listener;
    private volatile boolean running = true;

    /** Starts listening on {@code inbox_events}: before the first POST, so no NOTIFY is missed. */
    LiveStages(BenchPlatform platform) throws Exception {
        listening = platform.database();
        try (var listen = listening.createStatement()) {
            listen.execute("listen inbox_events");
        }
        listener = Thread.ofPlatform().daemon().name("bench-inbox-listen").start(this::listen);
    }

    private void listen() {
        try {
            var postgres = listening.unwrap(PGConnection.class);
            while (running) {
                var notifications = postgres.getNotifications(100);
                var at = Instant.now();
                if (notifications == null) {
                    continue;
                }
                for (var notification : notifications) {
                    for (var event : notification.getParameter().split("\n")) {
                        var parts = event.split("\\|", -1);
                        if (parts.length == 4 && parts[0].equals("message.received") && !parts[3].isEmpty()) {
                            notified.putIfAbsent(UUID.fromString(parts[3]), at);
                        }
                    }
                }
            }
        } catch (java.sql.SQLException stopped) {
            // closed
        }
    }

    /**
     * @param posted per message: when the bench posted it, when the sandbox answered, when its SSE frame arrived,
     *               and the message's id from that frame
     * @param label names the run in the file of every message's stages ({@code -Dbench.inbox.stages-file})
     * @return per stage its p50 and p99 in milliseconds, as a JSON object
     */
    Object figures(BenchPlatform platform, List<Measured> posted, String label) throws Exception {
        Map<UUID, Measured> byMessage = new HashMap<>();
        posted.forEach(one -> byMessage.put(one.message(), one));
        var transactionOf = new HashMap<UUID, String>();
        var events = new HashMap<String, List<Event>>();
        try (var db = platform.database()) {
            try (var query = db.prepareStatement("select id, xmin::text from messages where id = any(?)")) {
                query.setArray(1, db.createArrayOf("uuid", byMessage.keySet().toArray()));
                try (var rs = query.executeQuery()) {
                    while (rs.next()) {
                        transactionOf.put(rs.getObject(1, UUID.class), rs.getString(2));
                    }
                }
            }
            try (var query = db.prepareStatement("""
                    select xmin::text, received_at, next_attempt_at, processed_at from webhook_events
                    where xmin::text = any(?) and processed_at is not null""")) {
                query.setArray(1, db.createArrayOf("text", transactionOf.values().stream().distinct().toArray()));
                try (var rs = query.executeQuery()) {
                    while (rs.next()) {
                        events.computeIfAbsent(rs.getString(1), x -> new ArrayList<>()).add(new Event(instant(rs.getTimestamp(2)),
                                instant(rs.getTimestamp(3)).minus(LEASE), instant(rs.getTimestamp(4))));
                    }
                }
            }
        }
        var durations = new LinkedHashMap<String, List<Double>>();
        STAGES.forEach(stage -> durations.put(stage, new ArrayList<>()));
        var rows = new ArrayList<String>();
        var messagesOf = new HashMap<String, List<Measured>>();
        transactionOf.forEach((message, xid) -> messagesOf.computeIfAbsent(xid, x -> new ArrayList<>()).add(byMessage.get(message)));
        messagesOf.forEach((xid, messages) -> {
            var stored = events.getOrDefault(xid, List.of()).stream().sorted(Comparator.comparing(Event::received)).toList();
            var sorted = messages.stream().sorted(Comparator.comparing(Measured::postedAt)).toList();
            for (int i = 0; i < sorted.size() && i < stored.size(); i++) {
                var message = sorted.get(i);
                var event = stored.get(i);
                var heard = notified.get(message.message());
                durations.get("answered").add(millis(message.postedAt(), message.answeredAt()));
                durations.get("stored").add(millis(message.postedAt(), event.received()));
                durations.get("leased").add(millis(event.received(), event.leased()));
                durations.get("applied").add(millis(event.leased(), event.processed()));
                if (heard != null) {
                    durations.get("notified").add(millis(event.processed(), heard));
                    durations.get("streamed").add(millis(heard, message.streamedAt()));
                }
                durations.get("total").add(millis(message.postedAt(), message.streamedAt()));
                rows.add(String.join(",", message.postedAt().toString(), String.valueOf(millis(message.postedAt(), message.answeredAt())),
                        String.valueOf(millis(message.postedAt(), event.received())), String.valueOf(millis(event.received(), event.leased())),
                        String.valueOf(millis(event.leased(), event.processed())),
                        heard == null ? "" : String.valueOf(millis(event.processed(), heard)),
                        heard == null ? "" : String.valueOf(millis(heard, message.streamedAt())),
                        String.valueOf(millis(message.postedAt(), message.streamedAt())), String.valueOf(messages.size()),
                        String.valueOf(stored.size())));
            }
        });
        // -Dbench.inbox.stages-file=target/x.csv: every message's stages, in the order posted, to see them over time.
        var file = System.getProperty("bench.inbox.stages-file");
        if (file != null) {
            rows.sort(Comparator.naturalOrder());
            rows.addFirst("posted_at,answered,stored,leased,applied,notified,streamed,total,messages_applied_together,events_applied_together");
            java.nio.file.Files.write(java.nio.file.Path.of(file + "-" + label + ".csv"), rows,
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.TRUNCATE_EXISTING);
        }
        var json = new StringBuilder("{");
        durations.forEach((stage, values) -> {
            var sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            json.append(json.length() > 1 ? "," : "").append('"').append(stage).append("\":{\"p50\":")
                    .append(at(sorted, 0.5)).append(",\"p99\":").append(at(sorted, 0.99)).append(",\"n\":")
                    .append(sorted.length).append('}');
        });
        var figures = json.append('}').toString();
        return new Object() {
            @Override
            public String toString() {
                return figures;
            }
        };
    }

    /** One measured message as the bench saw it. */
    record Measured(Instant postedAt, Instant answeredAt, Instant streamedAt, UUID message) {}

    private record Event(Instant received, Instant leased, Instant processed) {}

    private static Instant instant(Timestamp timestamp) {
        return timestamp.toInstant();
    }

    private static double millis(Instant from, Instant to) {
        return Duration.between(from, to).toNanos() / 1e6;
    }

    private static String at(double[] sorted, double percentile) {
        if (sorted.length == 0) {
            return "null";
        }
        return String.format(java.util.Locale.ROOT, "%.1f",
                sorted[Math.min(sorted.length - 1, Math.max(0, (int) Math.ceil(percentile * sorted.length) - 1))]);
    }

    @Override
    public void close() throws Exception {
        running = false;
        listener.join(1_000);
        listening.close();
    }
}
