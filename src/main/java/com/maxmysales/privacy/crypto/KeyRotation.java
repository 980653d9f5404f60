package com.maxmysales.privacy.crypto;

import com.maxmysales.privacy.crypto.DataKeys.StoredKey;
import com.maxmysales.shared.WorkspaceId;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Changing keys while the platform runs. A new master key takes two rolling restarts, so that no node ever
 * meets a data key wrapped under a master key it does not know: first every node gets the new key in
 * {@code previous-master-keys}; then the new key becomes {@code master-key} and the old one moves to
 * {@code previous-master-keys}; then {@link #rewrapDataKeys()}, after which the old key can be dropped.
 * A new data key: {@link #rotateDataKey}, then the {@link ReEncryptionJob} moves stored values to it.
 */
@Service
public class KeyRotation {

    private static final Logger log = LoggerFactory.getLogger(KeyRotation.class);
    private static final int BATCH = 500;

    private final DataKeys dataKeys;
    private final WorkspaceDataKeys workspaceKeys;
    private final BlindIndexKeys indexKeys;
    private final MasterKeys masterKeys;

    KeyRotation(DataKeys dataKeys, WorkspaceDataKeys workspaceKeys, BlindIndexKeys indexKeys, MasterKeys masterKeys) {
        this.dataKeys = dataKeys;
        this.workspaceKeys = workspaceKeys;
        this.indexKeys = indexKeys;
        this.masterKeys = masterKeys;
    }

    /**
     * Re-wraps every data key, and the blind-index root, under the current master key. Stored values are not
     * touched: they are encrypted under the data keys, which stay the same. Safe to run again, and on several
     * nodes at once.
     */
    public Rewrapped rewrapDataKeys() {
        int rewrapped = 0;
        int unchanged = 0;
        StoredKey last = null;
        for (var batch = dataKeys.after(null, BATCH); !batch.isEmpty(); batch = dataKeys.after(last, BATCH)) {
            for (var key : batch) {
                if (workspaceKeys.rewrap(key)) {
                    rewrapped++;
                } else {
                    unchanged++;
                }
            }
            last = batch.getLast();
        }
        var indexRoot = indexKeys.rewrap();
        var result = new Rewrapped(masterKeys.current().id(), rewrapped, unchanged, indexRoot);
        log.info("Re-wrapped {} data keys under master key {} ({} were under it already); blind-index root re-wrapped: {}",
                result.dataKeysRewrapped(), result.masterKeyId(), result.dataKeysUnchanged(), result.indexRootRewrapped());
        return result;
    }

    /**
     * Gives the workspace a new data key version for new values; values under earlier versions still decrypt.
     * Other nodes start using it within {@link WorkspaceDataKeys#NEWEST_VERSION_RECHECK}.
     *
     * @return the workspace's newest version afterwards
     */
    public int rotateDataKey(WorkspaceId workspace) {
        var version = workspaceKeys.rotate(workspace);
        log.info("Workspace {} encrypts under data key version {} from now on", workspace, version);
        return version;
    }
}
