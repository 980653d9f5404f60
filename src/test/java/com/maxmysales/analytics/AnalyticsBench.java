package com.maxmysales.analytics;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

import com.maxmysales.MaxMySalesApplication;
import com.maxmysales.messaging.MessageReceived;
import com.maxmysales.messaging.MessageStatus;
import com.maxmysales.messaging.MessagePriced;
import com.maxmysales.messaging.MessageStatusChanged;
import com.maxmysales.shared.ContactId;
import com.maxmysales.shared.WorkspaceId;
import com.maxmysales.tenancy.WorkspaceManagement;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.util.AopTestUtils;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The analytics bench, on a platform started in this JVM (its listeners are package-private): the events of N
 * messages (half a customer's message, half an outbound one that goes sent, delivered, read) counted by the real
 * listeners, one transaction per event as the event registry's delivery does, on {@code threads} threads; against
 * raw single-row INSERTs of the same events into a plain table of the same PostgreSQL, same threads. Then the page's
 * queries (all six cards) over 90 days of a busy workspace, p50 and p95.
 */
public final class AnalyticsBench {

    /** What bench.AnalyticsScenario prints. */
    public record Figures(int messages, int events, double eventsPerSecond, double rawPerSecond, double p50Millis,
            double p99Millis, double queryP50Millis, double queryP95Millis) {}

    private AnalyticsBench() {
    }

    public static Figures run(int messages, int threads) throws Exception {
        var data = Files.createTempDirectory(Path.of("target"), "bench-analytics-").toAbsolutePath();
        try (var context = start(data)) {
            var bench = new Run(context, threads);
            return bench.run(messages);
        }
    }

    private static ConfigurableApplicationContext start(Path data) {
        return new SpringApplication(MaxMySalesApplication.class).run("--server.port=0", "--maxmysales.data-dir=" + data,
                "--maxmysales.admin-token=bench-admin-token-0123456789", "--maxmysales.demo.enabled=false",
                "--logging.level.root=warn", "--spring.datasource.hikari.maximum-pool-size=20",
                "--maxmysales.database.embedded.port=" + freePort());
    }

    private static int freePort() {
        try (var socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static final class Run {

        private final MessageCounting messageCounting;
        private final TeamCounting teamCounting;
        private final PendingCountsApplier applier;
        private final Analytics analytics;
        private final TransactionTemplate transaction;
        private final JdbcClient jdbc;
        private final WorkspaceManagement workspaces;
        private final int threads;

        Run(ConfigurableApplicationContext context, int threads) {
            this.messageCounting = AopTestUtils.getUltimateTargetObject(context.getBean(MessageCounting.class));
            this.teamCounting = AopTestUtils.getUltimateTargetObject(context.getBean(TeamCounting.class));
            this.applier = AopTestUtils.getUltimateTargetObject(context.getBean(PendingCountsApplier.class));
            this.analytics = context.getBean(Analytics.class);
            this.transaction = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
            this.jdbc = context.getBean(JdbcClient.class);
            this.workspaces = context.getBean(WorkspaceManagement.class);
            this.threads = threads;
        }

        Figures run(int messages) throws Exception {
            var workspace = workspaces.createWithApiKey("Bench").id();
            var channels = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
            var contact = new ContactId(UUID.randomUUID());
            // Event i: the messages alternate inbound (one event) and outbound (sent, delivered, read).
            IntConsumer aggregate = i -> {
                var message = i / 4 * 2 + (i % 4 == 0 ? 0 : 1);
                var id = new UUID(42, message);
                var channel = channels.get(message % channels.size());
                if (i % 4 == 0) {
                    var received = new MessageReceived(workspace, new UUID(7, message / 8), id, contact, channel);
                    transaction.executeWithoutResult(status -> messageCounting.on(received));
                    transaction.executeWithoutResult(status -> teamCounting.on(received));
                } else {
                    var status = i % 4 == 1 ? MessageStatus.SENT : i % 4 == 2 ? MessageStatus.DELIVERED : MessageStatus.READ;
                    var previous = i % 4 == 1 ? MessageStatus.SENDING : i % 4 == 2 ? MessageStatus.SENT : MessageStatus.DELIVERED;
                    var changed = new MessageStatusChanged(workspace, id, status, null, channel, new UUID(7, message / 8),
                            previous, false);
                    transaction.executeWithoutResult(tx -> {
                        messageCounting.on(changed);
                        if (status == MessageStatus.SENT) {
                            messageCounting.on(new MessagePriced(workspace, id, channel, "utility"));
                        }
                    });
                }
            };
            var eventCount = messages / 2 * 4;
            var latencies = new long[eventCount];
            var started = System.nanoTime();
            timed(eventCount, i -> {
                var start = System.nanoTime();
                aggregate.accept(i);
                latencies[i] = System.nanoTime() - start;
            });
            // Counted means in the day tables: the time includes applying what is still pending.
            applier.applyAll();
            var aggregated = (System.nanoTime() - started) / 1e9;
            checkCounted(workspace, messages);
            jdbc.sql("create unlogged table if not exists bench_raw_events (workspace_id uuid, message_id uuid, "
                    + "status varchar(16), channel_id uuid, at timestamptz)").update();
            var raw = timed(eventCount, i -> jdbc.sql("""
                    insert into bench_raw_events (workspace_id, message_id, status, channel_id, at) values (?, ?, ?, ?, now())
                    """).param(workspace.value()).param(new UUID(42, i / 2)).param(i % 4 == 0 ? "inbound" : "read")
                    .param(channels.get(i % 3)).update());
            Arrays.sort(latencies);
            var busy = busyWorkspace(channels);
            var queries = queryTimes(busy, 200);
            return new Figures(messages, eventCount, eventCount / aggregated, eventCount / raw,
                    latencies[latencies.length / 2] / 1e6, latencies[(int) (latencies.length * 0.99)] / 1e6,
                    queries[queries.length / 2] / 1e6, queries[(int) Math.ceil(queries.length * 0.95) - 1] / 1e6);
        }

        /** Every message counted once: the bench measures counting that is right. */
        private void checkCounted(WorkspaceId workspace, int messages) {
            var totals = jdbc.sql("""
                    select sum(inbound), sum(sent), sum(delivered), sum(read) from analytics_message_days
                    where workspace_id = ?
                    """).param(workspace.value()).query((rs, n) -> List.of(rs.getLong(1), rs.getLong(2), rs.getLong(3),
                    rs.getLong(4))).single();
            long half = messages / 2;
            if (!totals.equals(List.of(half, half, half, half))) {
                throw new IllegalStateException("counted " + totals + ", expected " + half + " of each");
            }
        }

        /** Seconds the events took on the threads, each index once. */
        private double timed(int count, IntConsumer work) throws Exception {
            var next = new AtomicInteger();
            var start = System.nanoTime();
            try (var pool = Executors.newFixedThreadPool(threads)) {
                for (var t = 0; t < threads; t++) {
                    pool.submit(() -> {
                        for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                            work.accept(i);
                        }
                    });
                }
            }
            return (System.nanoTime() - start) / 1e9;
        }

        /**
         * A workspace with 90 days of figures in every table: three numbers, a dozen failure codes, three pricing
         * categories, twenty agents' histograms (17 buckets each), ten lead sources with three forms, every opt-out channel, sixteen
         * intents, thirty campaigns sending every day — what a busy business accumulates, written directly as rows.
         */
        private WorkspaceId busyWorkspace(List<UUID> channels) {
            var busy = workspaces.createWithApiKey("Busy").id();
            var from = LocalDate.now().minusDays(89);
            var params = java.util.Map.<String, Object>of("w", busy.value(), "from", java.sql.Date.valueOf(from));
            jdbc.sql("""
                    insert into analytics_message_days (workspace_id, day, channel_id, inbound, sent, delivered, read, replied, failed)
                    select :w, cast(:from as date) + d, c, 900, 1200, 1150, 800, 300, 20
                    from generate_series(0, 89) d, unnest(array[cast(:c1 as uuid), cast(:c2 as uuid), cast(:c3 as uuid)]) c
                    """).params(params).param("c1", channels.get(0)).param("c2", channels.get(1)).param("c3", channels.get(2)).update();
            jdbc.sql("""
                    insert into analytics_failure_days (workspace_id, day, channel_id, error_code, failed)
                    select :w, cast(:from as date) + d, cast(:c1 as uuid), code, 2
                    from generate_series(0, 89) d, unnest(array[131026, 131047, 131049, 131050, 130472, 131000, 131048, 132000, 132001, 131053, 131056, -4]) code
                    """).params(params).param("c1", channels.get(0)).update();
            jdbc.sql("""
                    insert into analytics_pricing_days (workspace_id, day, channel_id, category, messages)
                    select :w, cast(:from as date) + d, cast(:c1 as uuid), category, 400
                    from generate_series(0, 89) d, unnest(array['marketing', 'utility', 'service']) category
                    """).params(params).param("c1", channels.get(0)).update();
            jdbc.sql("""
                    insert into analytics_team_days (workspace_id, day, agent_id, metric, buckets)
                    select :w, cast(:from as date) + d, uuid_generate_v4_bench(a), metric, array_fill(3, array[17])
                    from generate_series(0, 89) d, generate_series(1, 20) a, unnest(array['first_response', 'resolution']) metric
                    """.replace("uuid_generate_v4_bench(a)", "cast(lpad(to_hex(a), 32, '0') as uuid)")).params(params).update();
            jdbc.sql("""
                    insert into analytics_backlog_days (workspace_id, day, opened, resolved, open_at_end)
                    select :w, cast(:from as date) + d, 300, 290, 40 from generate_series(0, 89) d
                    """).params(params).update();
            jdbc.sql("""
                    insert into analytics_lead_days (workspace_id, day, source_id, form_id, received, contacted)
                    select :w, cast(:from as date) + d, cast(lpad(to_hex(s), 32, '0') as uuid), f, 12, 9
                    from generate_series(0, 89) d, generate_series(1, 10) s, generate_series(1, 3) f
                    """).params(params).update();
            jdbc.sql("""
                    insert into analytics_lead_contact_days (workspace_id, day, source_id, buckets)
                    select :w, cast(:from as date) + d, cast(lpad(to_hex(s), 32, '0') as uuid), array_fill(2, array[17])
                    from generate_series(0, 89) d, generate_series(1, 10) s
                    """).params(params).update();
            jdbc.sql("""
                    insert into analytics_optout_days (workspace_id, day, channel, optouts)
                    select :w, cast(:from as date) + d, channel, 7
                    from generate_series(0, 89) d, unnest(array['keyword', 'button', 'sentence', 'meta', 'email']) channel
                    """).params(params).update();
            jdbc.sql("""
                    insert into analytics_email_request_days (workspace_id, day, processed, within_deadline)
                    select :w, cast(:from as date) + d, 6, 6 from generate_series(0, 89) d
                    """).params(params).update();
            jdbc.sql("""
                    insert into analytics_campaign_days (workspace_id, day, campaign_id, sent, delivered, read, replied, opted_out)
                    select :w, cast(:from as date) + d, cast(lpad(to_hex(c), 32, '0') as uuid), 500, 480, 300, 40, 2
                    from generate_series(0, 89) d, generate_series(1, 30) c
                    """).params(params).update();
            jdbc.sql("""
                    insert into analytics_intent_days (workspace_id, day, intent, detected)
                    select :w, cast(:from as date) + d, 'intent_' || i, 25
                    from generate_series(0, 89) d, generate_series(1, 16) i
                    """).params(params).update();
            return busy;
        }

        /** Nanoseconds each time the page's six cards were read for 90 days, after a warm-up. */
        private long[] queryTimes(WorkspaceId workspace, int times) {
            var range = new DateRange(LocalDate.now().minusDays(89), LocalDate.now());
            var nanos = new long[times];
            for (var i = -20; i < times; i++) {
                var start = System.nanoTime();
                analytics.messages(workspace, range, null);
                analytics.team(workspace, range);
                analytics.leads(workspace, range);
                analytics.optOuts(workspace, range);
                analytics.intents(workspace, range);
                analytics.campaigns(workspace, range);
                if (i >= 0) {
                    nanos[i] = System.nanoTime() - start;
                }
            }
            Arrays.sort(nanos);
            return nanos;
        }
    }
}
