package com.maxmysales.messaging;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.maxmysales.support.FakeMeta;
import com.maxmysales.support.Http;
import com.maxmysales.support.PlatformProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

import static com.maxmysales.support.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The platform in its own JVM sends 300 messages to a Graph API in this test that counts every send by the
 * message id we put in biz_opaque_callback_data, and is killed with SIGKILL halfway through. After a restart
 * every message is accounted for: none queued forever, none sent twice.
 */
// Waits on platforms of its own, so it runs beside the in-JVM tests (junit-platform.properties).
@Execution(ExecutionMode.CONCURRENT)
class DispatcherCrashSystemTests {

    private static final Pattern CALLBACK = Pattern.compile("\"biz_opaque_callback_data\":\"([^\"]+)\"");
    private static final int MESSAGES = 300;
    private static final Duration START_LIMIT = Duration.ofSeconds(180);

    @Test
    void aKilledDispatcherLosesNothingAndSendsNothingTwice() throws Exception {
        var data = PlatformProcess.preparedDataDirectory("crash-data");
        var databasePort = PlatformProcess.freePort();
        try (var meta = FakeMeta.start()) {
            // Meta confirms the number for its token when it is connected.
            meta.grantNumber("t", "450000000000001", "350000000000001");
            var settings = new String[] {"--maxmysales.whatsapp.graph-base-url=" + meta.baseUrl(),
                    "--maxmysales.messaging.claim-lease=PT3S", "--maxmysales.messaging.unknown-outcome-after=PT2S",
                    "--maxmysales.database.embedded.port=" + databasePort, "--maxmysales.demo.enabled=false"};
            try (var first = PlatformProcess.start(data, settings)) {
                first.awaitHealthy(START_LIMIT);
                var http = new Http(first.port());
                var apiKey = http.createWorkspace("Crash");
                assertThat(http.post("/api/v1/channels", apiKey, """
                        {"phoneNumberId": "450000000000001", "wabaId": "350000000000001", "displayPhoneNumber": "+1 555 010 9999",
                         "accessToken": "t", "messagesPerSecond": 15}""").status()).isEqualTo(201);
                // 300 at 15 a second take 20 s to send: on a loaded machine queueing them all takes seconds too, and the
                // kill must still land while sends are under way.
                for (int i = 0; i < MESSAGES; i++) {
                    var queued = http.post("/api/v1/messages", apiKey, """
                            {"to": "+9197%08d", "type": "template", "purpose": "utility", "template": {"name": "crash_test", "language": "en"}}"""
                            .formatted(i));
                    assertThat(queued.status()).isEqualTo(202);
                }
                await(() -> meta.sends().size() >= MESSAGES / 3);
                first.kill();
                var sentBeforeKill = meta.sends().size();

                try (var second = PlatformProcess.start(data, settings)) {
                    second.awaitHealthy(START_LIMIT);
                    try (var db = DriverManager.getConnection(
                            "jdbc:postgresql://127.0.0.1:" + databasePort + "/postgres", "postgres", password(data))) {
                        await(() -> count(db, "status in ('queued', 'sending')") == 0);
                        var sent = count(db, "status = 'sent'");
                        var unknown = count(db, "status = 'failed' and error_code = -4");
                        assertThat(sent + unknown).as("every message accounted for").isEqualTo(MESSAGES);
                        assertThat(unknown).as("only sends in flight at the kill are unknown").isLessThanOrEqualTo(64);
                        var sends = sendsPerMessage(meta);
                        assertThat(sends.values()).as("no message reached Meta twice").allSatisfy(count ->
                                assertThat(count).isEqualTo(1));
                        assertThat(sends).hasSizeGreaterThanOrEqualTo(sent);
                        assertThat(sentBeforeKill).isLessThan(MESSAGES);
                    }
                }
            }
        }
    }

    private static Map<String, Long> sendsPerMessage(FakeMeta meta) {
        return meta.sends().stream()
                .map(send -> CALLBACK.matcher(send.body()))
                .filter(java.util.regex.Matcher::find)
                .map(callback -> callback.group(1))
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }

    private static int count(java.sql.Connection db, String where) {
        try (var statement = db.createStatement();
                var rows = statement.executeQuery("select count(*) from messages where " + where)) {
            rows.next();
            return rows.getInt(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String password(Path data) throws IOException {
        return java.nio.file.Files.readString(data.resolve("secrets").resolve("postgres.password")).strip();
    }
}
