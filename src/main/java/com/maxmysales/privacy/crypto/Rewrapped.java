package com.maxmysales.privacy.crypto;

/**
 * What {@link KeyRotation#rewrapDataKeys()} did.
 *
 * @param masterKeyId the id of the master key everything is wrapped under now
 * @param dataKeysRewrapped data keys moved to that master key by this run
 * @param dataKeysUnchanged data keys that were under it already, or were moved by another node meanwhile
 * @param indexRootRewrapped whether the blind-index root was moved by this run
 */
public record Rewrapped(String masterKeyId, int dataKeysRewrapped, int dataKeysUnchanged, boolean indexRootRewrapped) {
}
