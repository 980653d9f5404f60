package com.maxmysales.privacy.crypto;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.SecretKey;

import com.maxmysales.shared.WorkspaceId;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * The keys blind indexes are computed under, all derived from one root. The root must never change while
 * indexes are stored, so it is not tied to the master key in use: it comes from
 * {@code maxmysales.privacy.index-key}, or else from the master key of the first start, and is then kept
 * wrapped in {@code privacy_index_keys}, where a master-key rotation re-wraps it.
 */
@Component
class BlindIndexKeys implements ApplicationRunner {

    private static final String ROOT_LABEL = "maxmysales/blind-index/root/v1";
    private static final String WORKSPACE_LABEL = "maxmysales/blind-index/workspace/";
    private static final String TOMBSTONE_LABEL = "maxmysales/blind-index/tombstone/v1";
    private static final byte[] AAD = "maxmysales/blind-index-root".getBytes(StandardCharsets.US_ASCII);
    private static final String WHAT = "the blind-index root key";

    private final IndexRootKeys stored;
    private final MasterKeys masterKeys;
    private final Optional<byte[]> indexKey;
    private final Clock clock;
    private final Map<WorkspaceId, SecretKey> workspaceKeys = new ConcurrentHashMap<>();
    private volatile Derived derived;

    BlindIndexKeys(IndexRootKeys stored, MasterKeys masterKeys, EncryptionSettings settings, Clock clock) {
        this.stored = stored;
        this.masterKeys = masterKeys;
        this.indexKey = settings.indexKeyBytes();
        this.clock = clock;
    }

    /** Settles the root at the first start, and stops a start whose index-key would orphan the stored indexes. */
    @Override
    public void run(ApplicationArguments args) {
        derived();
    }

    SecretKey forWorkspace(WorkspaceId workspace) {
        var root = derived().root();
        return workspaceKeys.computeIfAbsent(workspace, id -> Hkdf.deriveHmacKey(root, WORKSPACE_LABEL + id));
    }

    SecretKey forTombstones() {
        return derived().tombstone();
    }

    /** Moves the stored root to the current master key; its value, and so every index, stays the same. */
    boolean rewrap() {
        var current = stored.find();
        if (current.isEmpty() || current.get().kekId().equals(masterKeys.current().id())) {
            return false;
        }
        return stored.rewrap(current.get(), masterKeys.wrap(masterKeys.unwrap(current.get(), AAD, WHAT), AAD));
    }

    private Derived derived() {
        var known = derived;
        if (known == null) {
            synchronized (this) {
                if (derived == null) {
                    var root = Hkdf.hmacKey(loadOrCreateRoot());
                    derived = new Derived(root, Hkdf.deriveHmacKey(root, TOMBSTONE_LABEL));
                }
                known = derived;
            }
        }
        return known;
    }

    private byte[] loadOrCreateRoot() {
        var configured = indexKey.map(key -> Hkdf.derive(key, ROOT_LABEL));
        var candidate = configured.orElseGet(() -> Hkdf.derive(masterKeys.current().material(), ROOT_LABEL));
        // Nodes starting together on an empty database derive the same root from the same key; one row wins.
        var root = masterKeys.unwrap(stored.insertIfAbsent(masterKeys.wrap(candidate, AAD), clock.instant()), AAD, WHAT);
        if (configured.isPresent() && !MessageDigest.isEqual(configured.get(), root)) {
            throw new IllegalStateException("maxmysales.privacy.index-key is not the key this database's blind indexes "
                    + "were made with, and changing it would make every stored index unmatchable: restore the earlier "
                    + "index-key, or unset it to keep using the stored root");
        }
        return root;
    }

    private record Derived(SecretKey root, SecretKey tombstone) {
    }
}
