package com.maxmysales.privacy.crypto;

import java.util.Base64;
import java.util.List;
import java.util.Optional;

import jakarta.validation.constraints.AssertTrue;

import com.maxmysales.shared.Secret;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The keys that protect personal data at rest (P5). Each is the base64 of 32 random bytes
 * ({@code openssl rand -base64 32}); a key of any other length stops the platform at start, because a
 * mistyped key would otherwise surface only later, as data nobody can read.
 *
 * @param masterKey the key-encryption key new data keys are wrapped under; when unset, a development key is
 *        generated once into the data directory
 * @param previousMasterKeys earlier master keys, still accepted for unwrapping until
 *        {@link KeyRotation#rewrapDataKeys()} has moved every data key to the current one
 * @param indexKey the secret blind indexes are derived from; when unset, it is derived from the master key in
 *        use at the first start and kept wrapped in the database, so rotating the master key never changes it
 */
@Validated
@ConfigurationProperties("maxmysales.privacy")
record EncryptionSettings(Secret masterKey, @DefaultValue List<Secret> previousMasterKeys, Secret indexKey) {

    static final int KEY_BYTES = 32;

    @AssertTrue(message = "maxmysales.privacy.master-key must be the base64 of exactly 32 bytes (openssl rand -base64 32)")
    public boolean isMasterKeyWellFormed() {
        return isUnset(masterKey) || isKey(masterKey);
    }

    @AssertTrue(message = "every maxmysales.privacy.previous-master-keys entry must be the base64 of exactly 32 bytes")
    public boolean isPreviousMasterKeysWellFormed() {
        return previousMasterKeys.stream().allMatch(EncryptionSettings::isKey);
    }

    @AssertTrue(message = "maxmysales.privacy.index-key must be the base64 of exactly 32 bytes (openssl rand -base64 32)")
    public boolean isIndexKeyWellFormed() {
        return isUnset(indexKey) || isKey(indexKey);
    }

    Optional<byte[]> masterKeyBytes() {
        return isUnset(masterKey) ? Optional.empty() : Optional.of(decode(masterKey, "maxmysales.privacy.master-key"));
    }

    List<byte[]> previousMasterKeyBytes() {
        return previousMasterKeys.stream().map(key -> decode(key, "maxmysales.privacy.previous-master-keys")).toList();
    }

    Optional<byte[]> indexKeyBytes() {
        return isUnset(indexKey) ? Optional.empty() : Optional.of(decode(indexKey, "maxmysales.privacy.index-key"));
    }

    /** A blank value counts as unset, so that an empty environment variable means "no key", not "bad key". */
    private static boolean isUnset(Secret key) {
        return key == null || key.isBlank();
    }

    private static boolean isKey(Secret key) {
        try {
            return key != null && Base64.getDecoder().decode(key.reveal().strip()).length == KEY_BYTES;
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
    }

    /** Decodes a key; the message names the property, never the value. */
    static byte[] decode(Secret key, String property) {
        if (!isKey(key)) {
            throw new IllegalArgumentException(property + " must be the base64 of exactly " + KEY_BYTES + " bytes");
        }
        return Base64.getDecoder().decode(key.reveal().strip());
    }
}
