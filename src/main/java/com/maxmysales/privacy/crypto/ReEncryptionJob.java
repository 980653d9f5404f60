package com.maxmysales.privacy.crypto;

import java.util.List;

import com.maxmysales.privacy.spi.EncryptedColumns;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Moves every stored encrypted value to its workspace's newest data key, in batches, through the modules'
 * {@link EncryptedColumns}. Values are only ever replaced if unchanged since read, so the job can run while
 * people work, again after an interruption, and on two nodes at once; it never logs a value.
 */
@Service
public class ReEncryptionJob {

    static final int BATCH_ROWS = 200;

    private static final Logger log = LoggerFactory.getLogger(ReEncryptionJob.class);

    private final List<EncryptedColumns> columns;
    private final FieldCipher cipher;
    private final WorkspaceDataKeys keys;

    ReEncryptionJob(List<EncryptedColumns> columns, FieldCipher cipher, WorkspaceDataKeys keys) {
        this.columns = List.copyOf(columns);
        this.cipher = cipher;
        this.keys = keys;
    }

    public List<ReEncrypted> run() {
        // A rotation made on another node must count now, not after this node's cache expires.
        keys.forgetNewestVersions();
        return columns.stream().map(this::reEncrypt).toList();
    }

    private ReEncrypted reEncrypt(EncryptedColumns holder) {
        int scanned = 0;
        int reEncrypted = 0;
        int editedMeanwhile = 0;
        int unreadable = 0;
        String after = null;
        for (var batch = holder.valuesAfter(null, BATCH_ROWS); !batch.isEmpty(); batch = holder.valuesAfter(after, BATCH_ROWS)) {
            for (var value : batch) {
                scanned++;
                try {
                    var newer = cipher.reEncryptIfOlder(value.workspace(), value.field(), value.ciphertext());
                    if (newer.isPresent()) {
                        if (holder.replace(value, newer.get())) {
                            reEncrypted++;
                        } else {
                            editedMeanwhile++;
                        }
                    }
                } catch (DecryptionFailedException e) {
                    // One damaged value must not keep every other one on the old key; it is named, by row, for a look.
                    unreadable++;
                    log.warn("Re-encryption of {} skipped row {}: {}", holder.name(), value.rowKey(), e.getMessage());
                }
            }
            after = batch.getLast().rowKey();
        }
        var result = new ReEncrypted(holder.name(), scanned, reEncrypted, editedMeanwhile, unreadable);
        log.info("Re-encryption of {}: {} values scanned, {} moved to the newest data key, {} edited meanwhile, {} unreadable",
                result.columns(), result.scanned(), result.reEncrypted(), result.editedMeanwhile(), result.unreadable());
        return result;
    }
}
