package com.maxmysales.privacy.spi;

import com.maxmysales.shared.WorkspaceId;

/**
 * One stored encrypted value.
 *
 * @param rowKey the row's key as the implementation orders and finds rows by, e.g. its uuid
 * @param workspace the workspace the value was encrypted for
 * @param field the field name it was encrypted with
 * @param ciphertext the stored bytes
 */
public record EncryptedValue(String rowKey, WorkspaceId workspace, String field, byte[] ciphertext) {
}
