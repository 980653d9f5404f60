package com.maxmysales.platform.api;

import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The remembered outcome of each {@code Idempotency-Key}, per caller. The primary key (scope, key) is what
 * makes two concurrent first attempts safe: only one INSERT wins, the other sees the winner's row.
 */
@Repository
class IdempotencyRecords {

    /** How long a key is remembered: a client retrying later than this is starting a new request. */
    static final Duration RETENTION = Duration.ofHours(24);
    /** A first attempt that neither finished nor failed this long ago died with its node; a retry may take over. */
    static final Duration ABANDONED_AFTER = Duration.ofMinutes(2);

    sealed interface Begin {
        record Started() implements Begin {}
        record InProgress() implements Begin {}
        record Mismatch() implements Begin {}
        record Replay(int status, String contentType, byte[] body) implements Begin {}
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    IdempotencyRecords(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional
    Begin begin(String scope, String key, byte[] requestHash) {
        var now = clock.instant();
        jdbc.sql("""
                delete from idempotency_records
                where scope = :scope and key = :key
                  and (created_at < :expired or (status_code is null and created_at < :abandoned))
                """)
                .param("scope", scope).param("key", key)
                .param("expired", java.sql.Timestamp.from(now.minus(RETENTION)))
                .param("abandoned", java.sql.Timestamp.from(now.minus(ABANDONED_AFTER)))
                .update();
        var inserted = jdbc.sql("""
                insert into idempotency_records (scope, key, request_hash, created_at)
                values (:scope, :key, :hash, :now)
                on conflict do nothing
                """)
                .param("scope", scope).param("key", key).param("hash", requestHash)
                .param("now", java.sql.Timestamp.from(now))
                .update();
        if (inserted == 1) {
            return new Begin.Started();
        }
        return existing(scope, key)
                .map(row -> decide(row, requestHash))
                .orElseGet(Begin.InProgress::new);
    }

    void complete(String scope, String key, int status, String contentType, byte[] body) {
        jdbc.sql("""
                update idempotency_records set status_code = :status, content_type = :type, body = :body
                where scope = :scope and key = :key
                """)
                .param("status", status).param("type", contentType).param("body", body)
                .param("scope", scope).param("key", key)
                .update();
    }

    void abandon(String scope, String key) {
        jdbc.sql("delete from idempotency_records where scope = :scope and key = :key and status_code is null")
                .param("scope", scope).param("key", key)
                .update();
    }

    private Optional<Row> existing(String scope, String key) {
        return jdbc.sql("""
                select request_hash, status_code, content_type, body from idempotency_records
                where scope = :scope and key = :key
                """)
                .param("scope", scope).param("key", key)
                .query((rs, n) -> new Row(rs.getBytes(1), (Integer) rs.getObject(2), rs.getString(3), rs.getBytes(4)))
                .optional();
    }

    private static Begin decide(Row row, byte[] requestHash) {
        if (!Arrays.equals(row.requestHash(), requestHash)) {
            return new Begin.Mismatch();
        }
        if (row.status() == null) {
            return new Begin.InProgress();
        }
        return new Begin.Replay(row.status(), row.contentType(), row.body());
    }

    private record Row(byte[] requestHash, Integer status, String contentType, byte[] body) {}
}
