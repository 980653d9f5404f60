package com.maxmysales.privacy.crypto;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

import javax.crypto.AEADBadTagException;
import javax.crypto.SecretKey;

/**
 * A key-encryption key. It only ever wraps other keys; its id (the first 8 bytes of its SHA-256, in hex)
 * is stored beside what it wrapped so that the right key is found after a rotation, and can be logged.
 */
final class MasterKey {

    private final String id;
    private final SecretKey key;

    MasterKey(byte[] bytes) {
        this.key = AesGcm.key(bytes);
        this.id = idOf(bytes);
    }

    String id() {
        return id;
    }

    /** Key material for deriving other keys (the blind-index root), never for storing. */
    byte[] material() {
        return key.getEncoded();
    }

    byte[] wrap(byte[] keyBytes, byte[] aad) {
        return AesGcm.seal(key, new byte[0], keyBytes, aad);
    }

    byte[] unwrap(byte[] wrapped, byte[] aad) throws AEADBadTagException {
        return AesGcm.open(key, wrapped, 0, aad);
    }

    private static String idOf(byte[] bytes) {
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            return HexFormat.of().formatHex(Arrays.copyOf(digest, 8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return "MasterKey[" + id + "]";
    }
}
