package com.maxmysales.privacy.crypto;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import com.maxmysales.privacy.crypto.MasterKeys.Wrapped;
import com.maxmysales.shared.WorkspaceId;

/** The key tables in memory, for unit tests of what sits on top of them; the SQL is covered by the integration test. */
final class InMemoryKeys {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-02T10:00:00Z"), ZoneOffset.UTC);
    private static final SecureRandom RANDOM = new SecureRandom();

    private InMemoryKeys() {
    }

    static byte[] randomKey() {
        var key = new byte[32];
        RANDOM.nextBytes(key);
        return key;
    }

    static MasterKeys masterKeys() {
        return new MasterKeys(randomKey(), List.of());
    }

    static EncryptionSettings noIndexKey() {
        return new EncryptionSettings(null, List.of(), null);
    }

    static final class DataKeysInMemory extends DataKeys {

        private final Map<String, Wrapped> rows = new ConcurrentHashMap<>();

        DataKeysInMemory() {
            super(null, null);
        }

        @Override
        Wrapped insertIfAbsent(WorkspaceId workspace, int version, Wrapped wrapped, Instant now) {
            rows.putIfAbsent(workspace + "/" + version, wrapped);
            return rows.get(workspace + "/" + version);
        }

        @Override
        Optional<Wrapped> find(WorkspaceId workspace, int version) {
            return Optional.ofNullable(rows.get(workspace + "/" + version));
        }

        @Override
        Optional<Integer> newestVersion(WorkspaceId workspace) {
            return rows.keySet().stream().filter(key -> key.startsWith(workspace + "/"))
                    .map(key -> Integer.parseInt(key.substring(key.indexOf('/') + 1)))
                    .max(Integer::compare);
        }
    }

    static final class IndexRootInMemory extends IndexRootKeys {

        private Wrapped row;

        IndexRootInMemory() {
            super(null, null);
        }

        @Override
        synchronized Wrapped insertIfAbsent(Wrapped wrapped, Instant now) {
            if (row == null) {
                row = wrapped;
            }
            return row;
        }

        @Override
        synchronized Optional<Wrapped> find() {
            return Optional.ofNullable(row);
        }

        @Override
        synchronized boolean rewrap(Wrapped previous, Wrapped rewrapped) {
            row = rewrapped;
            return true;
        }
    }
}
