package com.maxmysales.privacy.spi;

import java.util.List;
import java.util.Set;

/**
 * A module's columns that hold values encrypted with {@code FieldCipher}, handed to the
 * {@code ReEncryptionJob} so that after a data-key rotation old values can be moved to the newest key. The
 * module keeps its SQL; privacy keeps the keys. Implement it in a package-private bean.
 */
public interface EncryptedColumns {

    /** Names the columns in counts and logs, e.g. {@code "contacts"}. */
    String name();

    /**
     * The fields its values are encrypted with, each named {@code table.column} after where it is stored: how a
     * test finds a ciphertext column of the schema that no implementation covers.
     */
    Set<String> fields();

    /**
     * The encrypted values of up to {@code rows} rows whose key sorts after {@code afterRowKey}
     * ({@code null}: from the first row), in row-key order; all values of a row, each with its field name;
     * none that are {@code null}. An empty list ends the pass.
     */
    List<EncryptedValue> valuesAfter(String afterRowKey, int rows);

    /**
     * Stores the re-encrypted value in place of {@code old}, unless the row's value is no longer
     * {@code old.ciphertext()} (it was edited meanwhile, and the edit wins).
     *
     * @return whether the value was replaced
     */
    boolean replace(EncryptedValue old, byte[] reEncrypted);
}
