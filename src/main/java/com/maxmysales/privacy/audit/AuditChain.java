package com.maxmysales.privacy.audit;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * The audit log's hash chain: {@code hash = SHA-256(previous hash || canonical row)}. The canonical row is
 * every column but the hashes, each length-prefixed (a null as length -1), so no value can be shifted into
 * its neighbour to keep a hash.
 */
final class AuditChain {

    static final byte[] GENESIS = new byte[32];

    private AuditChain() {
    }

    /** PostgreSQL keeps microseconds; a hash over nanoseconds would not survive the round trip. */
    static Instant storable(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }

    static byte[] hash(byte[] previous, long seq, UUID workspace, Instant occurredAt, String actor, String action,
            String subject, String detail) {
        var digest = sha256();
        digest.update(previous);
        digest.update(ByteBuffer.allocate(16).putLong(seq).putLong(micros(occurredAt)).array());
        field(digest, workspace == null ? null : workspace.toString());
        field(digest, actor);
        field(digest, action);
        field(digest, subject);
        field(digest, detail);
        return digest.digest();
    }

    static byte[] hash(byte[] previous, AuditEntry entry) {
        return hash(previous, entry.seq(), entry.workspace(), entry.occurredAt(), entry.actor(), entry.action(),
                entry.subject(), entry.detail());
    }

    private static long micros(Instant instant) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
    }

    private static void field(MessageDigest digest, String value) {
        if (value == null) {
            digest.update(ByteBuffer.allocate(4).putInt(-1).array());
            return;
        }
        var bytes = value.getBytes(StandardCharsets.UTF_8);
        digest.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
        digest.update(bytes);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
