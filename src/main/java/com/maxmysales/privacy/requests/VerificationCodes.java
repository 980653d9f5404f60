package com.maxmysales.privacy.requests;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.UUID;

import com.maxmysales.privacy.crypto.BlindIndex;

import org.springframework.stereotype.Component;

/**
 * One-time codes that prove a person holds the number they name. Six random digits; only a keyed hash is
 * stored, bound to its request, so a copy of the database reveals no code and a code fits no other request.
 */
@Component
class VerificationCodes {

    private final SecureRandom random = new SecureRandom();
    private final BlindIndex index;

    VerificationCodes(BlindIndex index) {
        this.index = index;
    }

    String newCode() {
        return "%06d".formatted(random.nextInt(1_000_000));
    }

    byte[] hash(UUID request, String code) {
        return index.tombstone(BlindIndex.Identifier.VERIFICATION_CODE, request + ":" + code);
    }

    boolean matches(UUID request, String code, byte[] storedHash) {
        return code != null && storedHash != null
                && MessageDigest.isEqual(hash(request, code.strip()), storedHash);
    }
}
