package com.maxmysales.privacy.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;

import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/** HKDF-SHA256 (RFC 5869), so that keys for different purposes come from one secret yet reveal nothing of each other. */
final class Hkdf {

    private static final int HASH_BYTES = 32;

    private Hkdf() {
    }

    /** A 32-byte key for one purpose, named by {@code label}, from input keying material. */
    static byte[] derive(byte[] ikm, String label) {
        return expand(extract(new byte[HASH_BYTES], ikm), label.getBytes(StandardCharsets.UTF_8), HASH_BYTES);
    }

    static SecretKey deriveHmacKey(SecretKey root, String label) {
        return hmacKey(derive(root.getEncoded(), label));
    }

    static byte[] extract(byte[] salt, byte[] ikm) {
        return hmac(salt.length == 0 ? new byte[HASH_BYTES] : salt).doFinal(ikm);
    }

    static byte[] expand(byte[] prk, byte[] info, int length) {
        if (length > 255 * HASH_BYTES) {
            throw new IllegalArgumentException("HKDF cannot expand to more than " + 255 * HASH_BYTES + " bytes");
        }
        var mac = hmac(prk);
        var okm = new byte[length];
        var block = new byte[0];
        for (int i = 0, filled = 0; filled < length; i++) {
            mac.update(block);
            mac.update(info);
            mac.update((byte) (i + 1));
            block = mac.doFinal();
            var n = Math.min(block.length, length - filled);
            System.arraycopy(block, 0, okm, filled, n);
            filled += n;
        }
        return okm;
    }

    static SecretKey hmacKey(byte[] bytes) {
        return new SecretKeySpec(bytes, "HmacSHA256");
    }

    static Mac hmac(byte[] key) {
        return hmac(hmacKey(key));
    }

    static Mac hmac(SecretKey key) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }
}
