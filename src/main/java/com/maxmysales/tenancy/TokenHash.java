package com.maxmysales.tenancy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Random bearer tokens (API keys, invitations) and the SHA-256 we keep of them. A fast hash is right here,
 * unlike for passwords: the token has 256 bits of entropy, so there is nothing to brute-force.
 */
final class TokenHash {

    private static final SecureRandom RANDOM = new SecureRandom();

    private TokenHash() {
    }

    static String newToken(String prefix) {
        var bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static byte[] of(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
