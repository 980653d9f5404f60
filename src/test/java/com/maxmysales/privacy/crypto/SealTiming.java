package com.maxmysales.privacy.crypto;

import java.util.List;
import java.util.UUID;

import javax.crypto.spec.SecretKeySpec;

import com.maxmysales.shared.WorkspaceId;

/**
 * Benchmark only: the platform's own sealing of a webhook body ({@link Envelope#seal}, AES-256-GCM with a fresh
 * nonce), timed alone in the benchmark's JVM, so that the ingest-crypto scenario can set the cipher's cost beside
 * a whole request's latency. The key is random: the cost does not depend on which key it is.
 */
public final class SealTiming {

    private SealTiming() {
    }

    /** Mean microseconds to seal one of the bodies, after a warm-up of the same work. */
    public static double microsecondsPerSeal(List<byte[]> bodies, int passes) {
        var bytes = new byte[32];
        new java.security.SecureRandom().nextBytes(bytes);
        var key = new DataKey(1, new SecretKeySpec(bytes, "AES"));
        var scope = new WorkspaceId(new UUID(0, 0));
        long sink = 0;
        for (var body : bodies) {
            sink += Envelope.seal(key, scope, "webhook_events.body", body).length;
        }
        var started = System.nanoTime();
        for (int pass = 0; pass < passes; pass++) {
            for (var body : bodies) {
                sink += Envelope.seal(key, scope, "webhook_events.body", body).length;
            }
        }
        var micros = (System.nanoTime() - started) / 1e3 / ((double) passes * bodies.size());
        // Keeps the JIT from dropping the work whose result nobody reads.
        return sink == 42 ? micros + 1e-9 : micros;
    }
}
