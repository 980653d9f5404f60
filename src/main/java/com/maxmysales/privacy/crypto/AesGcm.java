package com.maxmysales.privacy.crypto;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM with a random 96-bit nonce written in front of the ciphertext. Random nonces are safe for
 * about 2^32 values under one key; rotating a workspace's data key starts a fresh count.
 */
final class AesGcm {

    static final int KEY_BYTES = 32;
    static final int NONCE_BYTES = 12;
    static final int TAG_BYTES = 16;

    /**
     * Nonces from a DRBG seeded by the operating system: the default {@code NativePRNG} reads {@code /dev/urandom}
     * under one lock for every value, a system call per field on the busiest paths.
     */
    private static final SecureRandom RANDOM = drbg();

    /**
     * Initialised ciphers per key, reused: {@code Cipher.getInstance} looks up the provider and a fresh cipher
     * expands the key again for every value. A reused one is re-initialised with a new nonce each time, as GCM
     * requires. Bounded: past {@link #MAX_POOLED_KEYS} keys (rotations) the pool starts over.
     */
    private static final int MAX_POOLED_KEYS = 4096;
    private static final Map<SecretKey, Queue<Cipher>> POOL = new ConcurrentHashMap<>();

    private AesGcm() {
    }

    static SecretKey newKey() {
        var bytes = new byte[KEY_BYTES];
        RANDOM.nextBytes(bytes);
        return key(bytes);
    }

    static SecretKey key(byte[] bytes) {
        if (bytes.length != KEY_BYTES) {
            throw new IllegalArgumentException("an AES-256 key has " + KEY_BYTES + " bytes, not " + bytes.length);
        }
        return new SecretKeySpec(bytes, "AES");
    }

    /** Writes {@code prefix}, then nonce and ciphertext with its tag, into one array. */
    static byte[] seal(SecretKey key, byte[] prefix, byte[] plaintext, byte[] aad) {
        var nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        var cipher = borrow(key);
        try {
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BYTES * 8, nonce));
            cipher.updateAAD(aad);
            var out = new byte[prefix.length + NONCE_BYTES + cipher.getOutputSize(plaintext.length)];
            System.arraycopy(prefix, 0, out, 0, prefix.length);
            System.arraycopy(nonce, 0, out, prefix.length, NONCE_BYTES);
            cipher.doFinal(plaintext, 0, plaintext.length, out, prefix.length + NONCE_BYTES);
            giveBack(key, cipher);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is unavailable", e);
        }
    }

    /** Opens what {@link #seal} wrote, skipping {@code offset} bytes of prefix; a wrong key, AAD or any flipped bit fails the tag. */
    static byte[] open(SecretKey key, byte[] sealed, int offset, byte[] aad) throws AEADBadTagException {
        if (sealed.length < offset + NONCE_BYTES + TAG_BYTES) {
            throw new AEADBadTagException("too short to be AES-GCM output");
        }
        var cipher = borrow(key);
        try {
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BYTES * 8, sealed, offset, NONCE_BYTES));
            cipher.updateAAD(aad);
            var start = offset + NONCE_BYTES;
            var plaintext = cipher.doFinal(sealed, start, sealed.length - start);
            giveBack(key, cipher);
            return plaintext;
        } catch (AEADBadTagException e) {
            throw e;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is unavailable", e);
        }
    }

    /** A cipher last used with this key; one that failed is not given back, so no half-used state is reused. */
    private static Cipher borrow(SecretKey key) {
        var pooled = POOL.get(key);
        var cipher = pooled == null ? null : pooled.poll();
        if (cipher != null) {
            return cipher;
        }
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is unavailable", e);
        }
    }

    private static void giveBack(SecretKey key, Cipher cipher) {
        if (POOL.size() >= MAX_POOLED_KEYS && !POOL.containsKey(key)) {
            POOL.clear();
        }
        POOL.computeIfAbsent(key, k -> new ConcurrentLinkedQueue<>()).offer(cipher);
    }

    private static SecureRandom drbg() {
        try {
            return SecureRandom.getInstance("DRBG");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("no DRBG", e);
        }
    }
}
