package com.maxmysales.privacy.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import com.maxmysales.privacy.crypto.DataKeys.StoredKey;
import com.maxmysales.privacy.crypto.MasterKeys.Wrapped;
import com.maxmysales.shared.WorkspaceId;

import org.springframework.stereotype.Component;

/**
 * Each workspace's data keys: made on first use, stored wrapped, kept unwrapped in memory. The memory is
 * only a cache: every node can rebuild any key from the database and its master keys.
 */
@Component
class WorkspaceDataKeys {

    /**
     * How long a node keeps encrypting under the newest version it knows after another node rotated: a
     * rotation takes effect everywhere within this time, without a query per encrypted value.
     */
    static final Duration NEWEST_VERSION_RECHECK = Duration.ofMinutes(1);

    private static final byte[] AAD_LABEL = "maxmysales/data-key".getBytes(StandardCharsets.US_ASCII);

    private final DataKeys dataKeys;
    private final MasterKeys masterKeys;
    private final Clock clock;
    private final Map<KeyId, DataKey> unwrapped = new ConcurrentHashMap<>();
    private final Map<WorkspaceId, NewestVersion> newest = new ConcurrentHashMap<>();

    WorkspaceDataKeys(DataKeys dataKeys, MasterKeys masterKeys, Clock clock) {
        this.dataKeys = dataKeys;
        this.masterKeys = masterKeys;
        this.clock = clock;
    }

    /** The key new values are encrypted under; the workspace's first one is made here. */
    DataKey newest(WorkspaceId workspace) {
        var known = newest.get(workspace);
        if (known != null && clock.instant().isBefore(known.checkedAt().plus(NEWEST_VERSION_RECHECK))) {
            return version(workspace, known.version()).orElseThrow();
        }
        var key = dataKeys.newestVersion(workspace).flatMap(stored -> version(workspace, stored))
                .orElseGet(() -> create(workspace, 1));
        remember(workspace, key.version());
        return key;
    }

    /** Empty when the workspace has no such version, as after its keys were deleted to erase it. */
    Optional<DataKey> version(WorkspaceId workspace, int version) {
        var cached = unwrapped.get(new KeyId(workspace, version));
        if (cached != null) {
            return Optional.of(cached);
        }
        return dataKeys.find(workspace, version).map(wrapped -> cache(workspace, version, wrapped));
    }

    /** Adds a version after the newest; returns it. */
    int rotate(WorkspaceId workspace) {
        // A rotation running at the same moment on another node may make this version first: one rotation, not two.
        var key = create(workspace, dataKeys.newestVersion(workspace).orElse(0) + 1);
        remember(workspace, key.version());
        return key.version();
    }

    /** Moves the key to the current master key; false if it was under it already or another node moved it. */
    boolean rewrap(StoredKey stored) {
        if (stored.wrapped().kekId().equals(masterKeys.current().id())) {
            return false;
        }
        var aad = aad(stored.workspace(), stored.version());
        var raw = masterKeys.unwrap(stored.wrapped(), aad, describe(stored.workspace(), stored.version()));
        return dataKeys.rewrap(stored, masterKeys.wrap(raw, aad));
    }

    /** Makes the next lookup of every workspace's newest version ask the database. */
    void forgetNewestVersions() {
        newest.clear();
    }

    private DataKey create(WorkspaceId workspace, int version) {
        var wrapped = masterKeys.wrap(AesGcm.newKey().getEncoded(), aad(workspace, version));
        return cache(workspace, version, dataKeys.insertIfAbsent(workspace, version, wrapped, clock.instant()));
    }

    private DataKey cache(WorkspaceId workspace, int version, Wrapped wrapped) {
        var raw = masterKeys.unwrap(wrapped, aad(workspace, version), describe(workspace, version));
        var key = new DataKey(version, AesGcm.key(raw));
        var earlier = unwrapped.putIfAbsent(new KeyId(workspace, version), key);
        return earlier != null ? earlier : key;
    }

    private void remember(WorkspaceId workspace, int version) {
        newest.put(workspace, new NewestVersion(version, clock.instant()));
    }

    /** Binds a wrapped key to its row: moved to another workspace or version, it no longer unwraps. */
    private static byte[] aad(WorkspaceId workspace, int version) {
        return ByteBuffer.allocate(AAD_LABEL.length + 16 + 4).put(AAD_LABEL)
                .putLong(workspace.value().getMostSignificantBits()).putLong(workspace.value().getLeastSignificantBits())
                .putInt(version).array();
    }

    private static String describe(WorkspaceId workspace, int version) {
        return "data key " + version + " of workspace " + workspace;
    }

    private record KeyId(WorkspaceId workspace, int version) {
    }

    private record NewestVersion(int version, Instant checkedAt) {
    }
}
