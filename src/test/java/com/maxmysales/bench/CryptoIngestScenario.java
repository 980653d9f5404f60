package com.maxmysales.bench;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.maxmysales.privacy.crypto.SealTiming;
import com.maxmysales.support.MetaWebhooks;

/**
 * {@code ingest-crypto}: what field encryption costs the ingest path. Two platforms from the same build and class
 * path, one with the real cipher and one with a bench-only pass-through cipher (test sources; the product has no
 * switch), take the same signed webhooks at the same concurrency, in alternating rounds so that a slower minute of
 * a shared machine falls on both. Each round waits until its events are processed, so the idle platform is idle.
 * Ratio = throughput with encryption / without. {@code process-crypto}: the same for applying the stored events,
 * which decrypts each body. On a shared machine the rounds' spread can exceed the cipher's cost, so the line also
 * carries each round's rate and the sealing of one body timed alone ({@code seal_us_per_body}) beside the p50.
 */
final class CryptoIngestScenario {

    private static final int CONCURRENCY = IngestScenario.CONCURRENCY;
    private static final int WARM_UP = 2_000;

    private final int requests;
    private final int rounds;

    CryptoIngestScenario(int requests, int rounds) {
        this.requests = requests;
        this.rounds = rounds;
    }

    List<Result> run() throws Exception {
        try (var encrypted = new Side(BenchPlatform.startClass("com.maxmysales.MaxMySalesApplication"));
                var plain = new Side(BenchPlatform.startClass(PassThroughCipherPlatform.class.getName()))) {
            encrypted.round("warm", WARM_UP, null);
            plain.round("warm", WARM_UP, null);
            for (int round = 0; round < rounds; round++) {
                var order = round % 2 == 0 ? List.of(encrypted, plain) : List.of(plain, encrypted);
                for (var side : order) {
                    side.round("r" + round, requests, side.latencies);
                }
            }
            var extra = Map.<String, Object>of("requests_per_round", requests, "rounds", rounds, "concurrency", CONCURRENCY,
                    "cipher", "AES-256-GCM FieldCipher");
            var sealMicros = SealTiming.microsecondsPerSeal(encrypted.payloads("seal", 2_000), 20);
            var ingestExtra = new java.util.LinkedHashMap<String, Object>(withBaseline(extra, plain.latencies,
                    encrypted.ingestRounds, plain.ingestRounds));
            ingestExtra.put("seal_us_per_body", Math.round(sealMicros * 100) / 100d);
            ingestExtra.put("seal_share_of_p50", Math.round(sealMicros / 1000 / encrypted.latencies.percentileMillis(50) * 1e6) / 1e6);
            return List.of(
                    new Result("ingest-crypto", encrypted.ingestRate(), encrypted.latencies.percentileMillis(50),
                            encrypted.latencies.percentileMillis(99),
                            "the same webhooks with a pass-through cipher (bench-only bean), alternating rounds, same run",
                            plain.ingestRate(), ingestExtra),
                    new Result("process-crypto", encrypted.processRate(), encrypted.lag.percentileMillis(50),
                            encrypted.lag.percentileMillis(99),
                            "the same events applied with a pass-through cipher, same run (p50/p99: received to processed)",
                            plain.processRate(), withBaseline(extra, plain.lag, encrypted.processRounds, plain.processRounds)));
        }
    }

    /** The baseline's latencies, and each round's rate on both sides: how much of the ratio is the machine's noise. */
    private static Map<String, Object> withBaseline(Map<String, Object> extra, Latencies baseline, List<Long> rounds,
            List<Long> baselineRounds) {
        var all = new java.util.LinkedHashMap<>(extra);
        all.put("baseline_p50_ms", Math.round(baseline.percentileMillis(50) * 1000) / 1000d);
        all.put("baseline_p99_ms", Math.round(baseline.percentileMillis(99) * 1000) / 1000d);
        all.put("rounds_throughput_per_s", rounds);
        all.put("baseline_rounds_throughput_per_s", baselineRounds);
        return all;
    }

    /** One platform and its figures over every measured round. */
    private static final class Side implements AutoCloseable {

        final BenchPlatform platform;
        final String phoneNumberId;
        final Latencies latencies;
        final Latencies lag = new Latencies(1_000_000);
        final List<Long> ingestRounds = new ArrayList<>();
        final List<Long> processRounds = new ArrayList<>();
        long requests;
        long ingestNanos;
        long processNanos;

        Side(BenchPlatform platform) throws Exception {
            this.platform = platform;
            this.phoneNumberId = Bench.connectSandboxNumber(platform).phoneNumberId();
            this.latencies = new Latencies(1_000_000);
        }

        /** Posts {@code count} new webhooks and waits until they are processed; measured when given latencies. */
        void round(String prefix, int count, Latencies measured) throws Exception {
            var payloads = payloads(prefix, count);
            var started = System.nanoTime();
            IngestScenario.post(List.of(platform), payloads, measured == null ? new Latencies(count) : measured);
            var posted = System.nanoTime();
            var processed = platform.awaitWebhooksApplied();
            if (measured != null) {
                requests += count;
                ingestNanos += posted - started;
                processNanos += processed - started;
                ingestRounds.add(Math.round(count / ((posted - started) / 1e9)));
                processRounds.add(Math.round(count / ((processed - started) / 1e9)));
                recordLag(count);
            }
        }

        double ingestRate() {
            return requests / (ingestNanos / 1e9);
        }

        double processRate() {
            return requests / (processNanos / 1e9);
        }

        private List<byte[]> payloads(String prefix, int count) {
            var list = new ArrayList<byte[]>(count);
            for (int i = 0; i < count; i++) {
                var waId = String.valueOf(919_700_000_000L + i % 5_000);
                var message = """
                        { "from": "%s", "id": "wamid.%s%d", "timestamp": "1767225660", "type": "text", "text": { "body": "Is the 2BHK still available? (%d)" } }"""
                        .formatted(waId, prefix, i, i);
                list.add(MetaWebhooks.inbound(phoneNumberId, waId, "Customer " + (i % 5_000), message)
                        .getBytes(StandardCharsets.UTF_8));
            }
            return list;
        }

        /** Received to processed of the last {@code count} events, as the ingest scenario's {@code process} reports it. */
        private void recordLag(int count) throws Exception {
            try (var db = platform.database(); var query = db.prepareStatement("""
                    select extract(epoch from processed_at - received_at) * 1e9 from webhook_events order by id desc limit ?""")) {
                query.setInt(1, count);
                try (var rs = query.executeQuery()) {
                    while (rs.next()) {
                        lag.add(rs.getLong(1));
                    }
                }
            }
        }

        @Override
        public void close() throws InterruptedException {
            platform.close();
        }
    }
}
