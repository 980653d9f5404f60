package com.maxmysales.privacy.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.OptionalInt;

import javax.crypto.AEADBadTagException;

import com.maxmysales.shared.WorkspaceId;

/**
 * The stored form of an encrypted field: {@code format (1 byte) | data-key version (4 bytes, big-endian) |
 * nonce (12) | ciphertext | tag (16)}. Self-describing, so that values under any key version and any later
 * format sit side by side in one column and each still finds its key.
 */
final class Envelope {

    static final byte FORMAT = 1;
    static final int HEADER_BYTES = 5;

    private Envelope() {
    }

    static byte[] seal(DataKey key, WorkspaceId workspace, String field, byte[] plaintext) {
        var header = ByteBuffer.allocate(HEADER_BYTES).put(FORMAT).putInt(key.version()).array();
        return AesGcm.seal(key.key(), header, plaintext, aad(header, workspace, field));
    }

    /** Empty when the bytes are not an envelope this code wrote. */
    static OptionalInt dataKeyVersion(byte[] envelope) {
        if (envelope.length < HEADER_BYTES + AesGcm.NONCE_BYTES + AesGcm.TAG_BYTES || envelope[0] != FORMAT) {
            return OptionalInt.empty();
        }
        var version = ByteBuffer.wrap(envelope, 1, 4).getInt();
        return version > 0 ? OptionalInt.of(version) : OptionalInt.empty();
    }

    static byte[] open(DataKey key, WorkspaceId workspace, String field, byte[] envelope) throws AEADBadTagException {
        var header = ByteBuffer.allocate(HEADER_BYTES).put(envelope, 0, HEADER_BYTES).array();
        return AesGcm.open(key.key(), envelope, HEADER_BYTES, aad(header, workspace, field));
    }

    /**
     * Authenticates the header and binds the value to its workspace and field, so that a value copied to
     * another workspace or column, or relabelled with another key version, fails to decrypt.
     */
    private static byte[] aad(byte[] header, WorkspaceId workspace, String field) {
        var name = field.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(header.length + 16 + name.length).put(header)
                .putLong(workspace.value().getMostSignificantBits()).putLong(workspace.value().getLeastSignificantBits())
                .put(name).array();
    }
}
