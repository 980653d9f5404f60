package com.maxmysales.tenancy;

import java.security.MessageDigest;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The operator's token for {@code /api/v1/admin/**}. Without one configured there is no admin API at all.
 * Compared as SHA-256 digests in constant time, so neither content nor length leaks through timing.
 */
@Component
public class AdminToken {

    private final byte[] expectedHash;

    AdminToken(@Value("${maxmysales.admin-token:}") String token) {
        this.expectedHash = token.isBlank() ? null : TokenHash.of(token);
    }

    public boolean isConfigured() {
        return expectedHash != null;
    }

    public boolean matches(String presented) {
        return expectedHash != null && presented != null && MessageDigest.isEqual(expectedHash, TokenHash.of(presented));
    }
}
