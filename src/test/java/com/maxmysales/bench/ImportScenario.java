package com.maxmysales.bench;

import java.io.BufferedWriter;
import java.io.Reader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

import org.postgresql.PGConnection;

/**
 * Scenario {@code import}: a CSV of ROWS contacts (a few bad rows in each way the error report names)
 * uploaded through the API and imported by the platform: each row's phone read with libphonenumber, checked
 * against erasure tombstones and existing contacts, encrypted with blind indexes, its consent recorded in the
 * ledger. Baseline in the same run: PostgreSQL's own COPY of the same file into a plain table of the same
 * database. Throughput counts from the start request to the job's completion; p50/p99 are milliseconds per
 * 1,000 rows, from the job's progress sampled every 100 ms; peak heap is the platform's, sampled from its
 * Prometheus endpoint (the platform runs with -Xmx1g).
 */
final class ImportScenario {

    private static final Pattern HEAP = Pattern.compile("^jvm_memory_used_bytes\\{[^}]*area=\"heap\"[^}]*\\} ([0-9.E+]+)$",
            Pattern.MULTILINE);

    private final BenchPlatform platform;
    private final String apiKey;
    private final int rows;
    private final HttpClient client = HttpClient.newHttpClient();

    ImportScenario(BenchPlatform platform, String apiKey, int rows) {
        this.platform = platform;
        this.apiKey = apiKey;
        this.rows = rows;
    }

    Result run() throws Exception {
        var file = writeCsv();
        var peakHeap = new AtomicLong();
        var sampler = Thread.ofVirtual().start(() -> sampleHeap(peakHeap));
        try {
            var uploaded = send(HttpRequest.newBuilder(URI.create(platform.url("/api/v1/contacts/imports?fileName=bench.csv")))
                    .header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofFile(file)));
            var id = uploaded.replaceAll("(?s).*?\"id\":\"([0-9a-f-]{36})\".*", "$1");
            var started = System.nanoTime();
            send(HttpRequest.newBuilder(URI.create(platform.url("/api/v1/contacts/imports/" + id + "/start")))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("""
                            {"mapping": {"phone": "phone", "name": "name", "email": "email", "consentBasis": "consent"},
                             "purpose": "marketing", "noticeVersion": "2026-11-01"}""")));
            var perThousand = new ArrayList<Double>();
            long lastRows = 0;
            long lastAt = started;
            String job;
            var deadline = started + java.time.Duration.ofMinutes(30).toNanos();
            while (true) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the import did not finish within 30 minutes");
                }
                Thread.sleep(100);
                job = send(HttpRequest.newBuilder(URI.create(platform.url("/api/v1/contacts/imports/" + id))).GET());
                var now = System.nanoTime();
                var processed = Long.parseLong(job.replaceAll("(?s).*\"processedRows\":(\\d+).*", "$1"));
                if (processed > lastRows) {
                    perThousand.add((now - lastAt) / 1e6 / ((processed - lastRows) / 1000.0));
                    lastRows = processed;
                    lastAt = now;
                }
                if (job.contains("\"status\":\"completed\"") || job.contains("\"status\":\"failed\"")) {
                    break;
                }
            }
            var seconds = (System.nanoTime() - started) / 1e9;
            if (!job.contains("\"status\":\"completed\"") || lastRows != rows) {
                throw new IllegalStateException("import did not complete: " + job);
            }
            var baseline = copyBaseline(file);
            perThousand.sort(Double::compare);
            var extra = new LinkedHashMap<String, Object>();
            extra.put("rows", rows);
            extra.put("peak_heap_mb", Math.round(peakHeap.get() / 1024.0 / 1024.0));
            extra.put("error_rows", Long.parseLong(job.replaceAll("(?s).*\"errorRows\":(\\d+).*", "$1")));
            extra.put("file_mb", Math.round(Files.size(file) / 1024.0 / 1024.0));
            return new Result("import", rows / seconds, percentile(perThousand, 50), percentile(perThousand, 99),
                    "COPY of the same CSV into a plain table of the same PostgreSQL", rows / baseline, extra);
        } finally {
            sampler.interrupt();
            Files.deleteIfExists(file);
        }
    }

    /** @return seconds PostgreSQL's COPY takes for the same rows */
    private double copyBaseline(Path file) throws Exception {
        try (var connection = platform.database()) {
            connection.createStatement().execute("""
                    create table if not exists bench_import_baseline (phone text, name text, email text, consent text)""");
            var started = System.nanoTime();
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                connection.unwrap(PGConnection.class).getCopyAPI()
                        .copyIn("copy bench_import_baseline from stdin with (format csv, header true)", reader);
            }
            var seconds = (System.nanoTime() - started) / 1e9;
            connection.createStatement().execute("drop table bench_import_baseline");
            return seconds;
        }
    }

    private Path writeCsv() throws Exception {
        var file = Files.createTempFile(Path.of("target"), "bench-import-", ".csv");
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("phone,name,email,consent\n");
            for (int i = 1; i <= rows; i++) {
                var phone = i % 997 == 0 ? "12345" : "9" + (100_000_000 + i);
                var consent = i % 2503 == 0 ? "" : "website sign-up";
                out.write(phone + ",Customer " + i + ",customer" + i + "@example.com," + consent + "\n");
            }
        }
        return file;
    }

    private void sampleHeap(AtomicLong peak) {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                var metrics = client.send(HttpRequest.newBuilder(URI.create(platform.url("/actuator/prometheus")))
                        .header("Authorization", "Bearer " + BenchPlatform.ADMIN_TOKEN).build(),
                        HttpResponse.BodyHandlers.ofString()).body();
                var matcher = HEAP.matcher(metrics);
                double used = 0;
                while (matcher.find()) {
                    used += Double.parseDouble(matcher.group(1));
                }
                peak.accumulateAndGet((long) used, Math::max);
                Thread.sleep(250);
            } catch (InterruptedException e) {
                return;
            } catch (java.io.IOException e) {
                // the platform is busy; sample again
            }
        }
    }

    private String send(HttpRequest.Builder request) throws Exception {
        var response = client.send(request.header("Authorization", "Bearer " + apiKey).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private static double percentile(java.util.List<Double> sorted, int p) {
        return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, (int) Math.round(p / 100.0 * (sorted.size() - 1))));
    }
}
