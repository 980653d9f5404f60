package com.maxmysales.privacy.crypto;

import com.maxmysales.shared.WorkspaceId;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Benchmark only, never in the product: a {@link FieldCipher} that stores values as given, so that the
 * {@code ingest-crypto} scenario can measure what encryption costs the ingest path by difference. It lives in
 * test sources on purpose: the platform has no switch that turns encryption off.
 */
public class PassThroughFieldCipher extends FieldCipher {

    PassThroughFieldCipher(WorkspaceDataKeys keys) {
        super(keys);
    }

    @Override
    public byte[] encryptBytes(WorkspaceId workspace, String field, byte[] plaintext) {
        return plaintext;
    }

    @Override
    public byte[] decryptBytes(WorkspaceId workspace, String field, byte[] ciphertext) {
        return ciphertext;
    }

    /**
     * Added to the application by the benchmark's launcher; wins over the real cipher wherever one is injected.
     * Deliberately not a {@code @Configuration}: component scanning would then put it into every test's platform.
     */
    public static class Replacing {

        @Bean
        @Primary
        FieldCipher passThroughFieldCipher(WorkspaceDataKeys keys) {
            return new PassThroughFieldCipher(keys);
        }
    }
}
