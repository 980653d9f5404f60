package com.maxmysales.privacy.crypto;

/**
 * What {@link ReEncryptionJob#run()} did to one module's columns.
 *
 * @param columns the name of the {@code EncryptedColumns}
 * @param scanned values read
 * @param reEncrypted values moved to their workspace's newest data key
 * @param editedMeanwhile values left alone because the row was written between read and replace
 * @param unreadable values that failed to decrypt (see the log for their rows) and were left as they are
 */
public record ReEncrypted(String columns, int scanned, int reEncrypted, int editedMeanwhile, int unreadable) {
}
