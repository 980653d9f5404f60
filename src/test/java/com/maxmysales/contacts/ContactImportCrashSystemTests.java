package com.maxmysales.contacts;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;

import com.maxmysales.support.Http;
import com.maxmysales.support.PlatformProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

import static com.maxmysales.support.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The platform in its own JVM imports 50,000 rows and is killed with SIGKILL in the middle. Restarted on the
 * same data, it continues after the last committed batch: every row is imported once, nothing is half-written,
 * no consent is recorded twice, the error report lists each bad row once.
 */
// Waits on platforms of its own, so it runs beside the in-JVM tests (junit-platform.properties).
@Execution(ExecutionMode.CONCURRENT)
class ContactImportCrashSystemTests {

    private static final int ROWS = 50_000;
    private static final Duration START_LIMIT = Duration.ofSeconds(180);
    /** Most of 50,000 rows on a 2-core machine that other builds share. */
    private static final Duration IMPORT_LIMIT = Duration.ofSeconds(120);

    @Test
    void aKilledImportContinuesAfterItsLastCommittedBatchAndCountsEveryRowOnce() throws Exception {
        var data = PlatformProcess.preparedDataDirectory("crash-data");
        var databasePort = PlatformProcess.freePort();
        var settings = new String[] {"--maxmysales.contacts.import-lease=PT3S",
                "--maxmysales.database.embedded.port=" + databasePort, "--maxmysales.demo.enabled=false"};
        var csv = new StringBuilder("phone,name,consent\n");
        var bad = 0;
        for (int i = 1; i <= ROWS; i++) {
            var invalid = i % 500 == 0;
            bad += invalid ? 1 : 0;
            csv.append(invalid ? "123" : "9" + (200_000_000 + i)).append(",Customer ").append(i).append(",shop form\n");
        }
        String apiKey;
        String id;
        try (var first = PlatformProcess.start(data, settings)) {
            first.awaitHealthy(START_LIMIT);
            var http = new Http(first.port());
            apiKey = http.createWorkspace("Crash imports");
            id = upload(first.port(), apiKey, csv.toString());
            assertThat(http.post("/api/v1/contacts/imports/" + id + "/start", apiKey,
                    "{\"mapping\": {\"phone\": \"phone\", \"name\": \"name\", \"consentBasis\": \"consent\"}}").status())
                    .isEqualTo(202);
            await(IMPORT_LIMIT, () -> processed(http, apiKey, id) >= ROWS / 5);
            first.kill();

            try (var second = PlatformProcess.start(data, settings)) {
                second.awaitHealthy(START_LIMIT);
                var again = new Http(second.port());
                var killedAt = processed(again, apiKey, id);
                assertThat(killedAt).as("killed mid-import").isLessThan(ROWS);
                await(IMPORT_LIMIT, () -> again.get("/api/v1/contacts/imports/" + id, apiKey).json().get("job")
                        .get("status").asString().equals("completed"));

                var job = again.get("/api/v1/contacts/imports/" + id, apiKey).json().get("job");
                assertThat(job.get("processedRows").asInt()).isEqualTo(ROWS);
                assertThat(job.get("createdRows").asInt()).isEqualTo(ROWS - bad);
                assertThat(job.get("errorRows").asInt()).isEqualTo(bad);
                try (var db = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + databasePort + "/postgres",
                        "postgres", Files.readString(data.resolve("secrets").resolve("postgres.password")).strip())) {
                    assertThat(count(db, "select count(*) from contacts")).as("one contact per good row").isEqualTo(ROWS - bad);
                    assertThat(count(db, "select count(*) from consent_events where source = 'import'")).isEqualTo(ROWS - bad);
                    assertThat(count(db, "select count(*) from contact_import_errors")).isEqualTo(bad);
                    assertThat(count(db, "select count(*) from contact_import_chunks")).as("the file is gone").isZero();
                }
                assertThat(again.get("/api/v1/contacts/imports/" + id + "/errors.csv", apiKey).body().lines().skip(1))
                        .hasSize(bad).allSatisfy(line -> assertThat(line).contains("invalid phone number"));
            }
        }
    }

    private static int processed(Http http, String apiKey, String id) {
        return http.get("/api/v1/contacts/imports/" + id, apiKey).json().get("job").get("processedRows").asInt();
    }

    private static String upload(int port, String apiKey, String csv) throws Exception {
        var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/v1/contacts/imports?fileName=crash.csv"))
                .header("Authorization", "Bearer " + apiKey).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(csv)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return response.body().replaceAll("(?s).*?\"id\":\"([0-9a-f-]{36})\".*", "$1");
    }

    private static long count(Connection db, String sql) throws Exception {
        try (var statement = db.createStatement(); var result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }

}
