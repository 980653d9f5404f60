package com.maxmysales.messaging;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import com.maxmysales.support.GraphStubProcess;
import com.maxmysales.support.Http;
import com.maxmysales.support.MetaWebhooks;
import com.maxmysales.support.PlatformProcess;
import com.maxmysales.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

import static com.maxmysales.support.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two platform processes on one PostgreSQL, as docs/deployment.md runs them, and one number at 20 msg/s whose
 * Graph API is a {@link GraphStubProcess} counting what it accepts per second: messages queued on both nodes go
 * out once each, their statuses (sent to the two nodes in turn) are applied once each, and the two dispatchers
 * together keep the number's pace — without a shared pace they would send at twice its rate.
 */
// Waits on platforms of its own, so it runs beside the in-JVM tests (junit-platform.properties).
@Execution(ExecutionMode.CONCURRENT)
class TwoNodesSystemTests {

    private static final int MESSAGES = 300;
    private static final int PER_SECOND = 20;
    /** On a machine shared with other builds a start has taken three minutes. */
    private static final Duration START_LIMIT = Duration.ofMinutes(6);

    @Test
    void twoNodesShareTheNumbersPaceAndNeitherSendsNorAppliesAnythingTwice() throws Exception {
        var database = TestDatabase.createDatabase();
        var masterKey = new byte[32];
        new SecureRandom().nextBytes(masterKey);
        try (var stub = GraphStubProcess.start(MetaWebhooks.APP_SECRET, 20)) {
            var settings = new String[] {"--spring.datasource.url=" + TestDatabase.jdbcUrl(database),
                    "--spring.datasource.username=postgres", "--spring.datasource.password=",
                    "--maxmysales.privacy.master-key=" + Base64.getEncoder().encodeToString(masterKey),
                    "--maxmysales.whatsapp.graph-base-url=" + stub.baseUrl(),
                    "--maxmysales.whatsapp.app-secret=" + MetaWebhooks.APP_SECRET, "--maxmysales.demo.enabled=false"};
            try (var first = PlatformProcess.start(directory("first"), settings)) {
                // The second starts on the schema the first migrated, as a node added later does.
                first.awaitHealthy(START_LIMIT);
                try (var second = PlatformProcess.start(directory("second"), settings)) {
                second.awaitHealthy(START_LIMIT);
                var nodes = List.of(new Http(first.port()), new Http(second.port()));
                stub.sendWebhooksTo(List.of("http://127.0.0.1:" + first.port(), "http://127.0.0.1:" + second.port()));
                var apiKey = nodes.getFirst().createWorkspace("Two nodes");
                var connected = nodes.getFirst().post("/api/v1/channels", apiKey, """
                        {"phoneNumberId": "460000000000001", "wabaId": "360000000000001", "displayPhoneNumber": "+1 555 010 4600",
                         "accessToken": "t", "messagesPerSecond": %d}""".formatted(PER_SECOND));
                assertThat(connected.status()).as(connected.body()).isEqualTo(201);

                // Half the messages queued on each node.
                for (int request = 0; request < 6; request++) {
                    var queued = nodes.get(request % 2).post("/api/v1/messages/bulk", apiKey, bulk(request * 50, 50));
                    assertThat(queued.status()).as(queued.body()).isEqualTo(200);
                    assertThat(queued.body()).doesNotContain("\"status\":4");
                }

                try (var db = DriverManager.getConnection(TestDatabase.jdbcUrl(database), "postgres", "")) {
                    await(Duration.ofMinutes(3), () -> count(db, "messages where read_at is not null") == MESSAGES);
                    var stats = stub.stats();
                    await(Duration.ofMinutes(1), () -> count(db, "webhook_events where state = 'pending'") == 0);
                    assertThat(stats.accepted()).as("every message reached the Graph API").isEqualTo(MESSAGES);
                    assertThat(stats.duplicates()).as("no message reached it twice").isZero();
                    assertThat(count(db, "webhook_events")).as("each status webhook stored once, by the node it reached")
                            .isEqualTo(stub.stats().webhookPosts());
                    assertThat(count(db, "messages where status = 'read' and sent_at is not null and delivered_at is not null"))
                            .isEqualTo(MESSAGES);
                    assertSharedPace(stats.perSecond());
                }
                }
            }
        }
    }

    /**
     * Any five seconds hold at most five seconds' worth of sends and a quarter second's more (a late claim takes the
     * slots of the last 50 ms, and on a loaded machine the time from claim to the stub varies by a few slots: 103 seen
     * at 20/s): no second's burst after a pause, and two nodes each keeping the pace alone would send twice it.
     */
    private static void assertSharedPace(List<Long> perSecond) {
        var window = 5;
        var busiest = 0L;
        for (int start = 0; start + window <= perSecond.size(); start++) {
            busiest = Math.max(busiest, perSecond.subList(start, start + window).stream().mapToLong(Long::longValue).sum());
        }
        assertThat(busiest).as("busiest %d s at the Graph API, per second %s", window, perSecond)
                .isLessThanOrEqualTo(window * PER_SECOND + PER_SECOND / 4L);
        var firstSecond = 0;
        while (perSecond.get(firstSecond) == 0) {
            firstSecond++;
        }
        assertThat(perSecond.size() - firstSecond).as("%d messages at %d/s take at least %d s", MESSAGES, PER_SECOND,
                MESSAGES / PER_SECOND - 2).isGreaterThanOrEqualTo(MESSAGES / PER_SECOND - 2);
    }

    private static String bulk(int from, int count) {
        var body = new StringBuilder("{\"messages\": [");
        for (int i = from; i < from + count; i++) {
            body.append(i == from ? "" : ",").append("""
                    {"to": "+9198%08d", "type": "template", "purpose": "utility", "template": {"name": "two_nodes", "language": "en"}}"""
                    .formatted(i));
        }
        return body.append("]}").toString();
    }

    private static Path directory(String node) throws java.io.IOException {
        return Files.createDirectories(Path.of("target", "two-nodes", node + "-" + System.nanoTime()).toAbsolutePath());
    }

    private static long count(Connection db, String from) {
        try (var statement = db.createStatement(); var rows = statement.executeQuery("select count(*) from " + from)) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
