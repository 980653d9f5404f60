package com.maxmysales.privacy.crypto;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;

import javax.crypto.AEADBadTagException;

import com.maxmysales.shared.WorkspaceId;

import org.jspecify.annotations.Nullable;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;

/**
 * Encrypts personal data before it is stored (P5): AES-256-GCM under the workspace's newest data key, a fresh
 * random nonce per value, bound to the workspace and the field it was written for. {@code field} names the
 * column, e.g. {@code "contacts.phone"}; it must stay the same for as long as the values are kept.
 * {@code null} stays {@code null}, so optional columns need no special case.
 */
@NamedInterface("crypto")
@Service
public class FieldCipher {

    private final WorkspaceDataKeys keys;

    FieldCipher(WorkspaceDataKeys keys) {
        this.keys = keys;
    }

    public byte @Nullable [] encrypt(WorkspaceId workspace, String field, @Nullable String plaintext) {
        return plaintext == null ? null : encryptBytes(workspace, field, plaintext.getBytes(StandardCharsets.UTF_8));
    }

    /** @throws DecryptionFailedException if the value was altered or written for another workspace or field */
    public @Nullable String decrypt(WorkspaceId workspace, String field, byte @Nullable [] ciphertext) {
        var plaintext = decryptBytes(workspace, field, ciphertext);
        return plaintext == null ? null : new String(plaintext, StandardCharsets.UTF_8);
    }

    public byte @Nullable [] encryptBytes(WorkspaceId workspace, String field, byte @Nullable [] plaintext) {
        if (plaintext == null) {
            return null;
        }
        requireField(workspace, field);
        return Envelope.seal(keys.newest(workspace), workspace, field, plaintext);
    }

    /** @throws DecryptionFailedException if the value was altered or written for another workspace or field */
    public byte @Nullable [] decryptBytes(WorkspaceId workspace, String field, byte @Nullable [] ciphertext) {
        if (ciphertext == null) {
            return null;
        }
        requireField(workspace, field);
        var version = Envelope.dataKeyVersion(ciphertext).orElseThrow(
                () -> new DecryptionFailedException(workspace, field, "it is not a value this cipher wrote"));
        var key = keys.version(workspace, version).orElseThrow(() -> new DecryptionFailedException(workspace, field,
                "its data key version " + version + " does not exist in this workspace"));
        try {
            return Envelope.open(key, workspace, field, ciphertext);
        } catch (AEADBadTagException e) {
            throw new DecryptionFailedException(workspace, field,
                    "it was altered, or was written for another workspace or field");
        }
    }

    /**
     * Encrypts a value of any length as it is written to {@code out}, in segments, under the workspace's newest
     * data key: for files too large to hold in memory. Closing the returned stream seals the last segment.
     */
    public OutputStream encryptingStream(WorkspaceId workspace, String field, OutputStream out) throws IOException {
        requireField(workspace, field);
        return StreamEnvelope.encrypting(keys.newest(workspace), workspace, field, out);
    }

    /**
     * Decrypts what {@link #encryptingStream} wrote, segment by segment, each released only after its tag
     * checked; also reads values {@link #encryptBytes} wrote whole.
     *
     * @throws DecryptionFailedException while reading, if the value was altered, cut short, or written for
     *                                   another workspace or field
     */
    public InputStream decryptingStream(WorkspaceId workspace, String field, InputStream in) throws IOException {
        requireField(workspace, field);
        return StreamEnvelope.decrypting(in, workspace, field, version -> keys.version(workspace, version).orElse(null),
                envelope -> decryptBytes(workspace, field, envelope));
    }

    /**
     * The value under the workspace's newest data key, or empty when it is under that key already. Decrypts
     * first, so that a value that cannot be read is reported and no key is made for a workspace that has none.
     */
    Optional<byte[]> reEncryptIfOlder(WorkspaceId workspace, String field, byte[] ciphertext) {
        var plaintext = decryptBytes(workspace, field, ciphertext);
        var newest = keys.newest(workspace);
        if (Envelope.dataKeyVersion(ciphertext).orElseThrow() == newest.version()) {
            return Optional.empty();
        }
        return Optional.of(Envelope.seal(newest, workspace, field, plaintext));
    }

    private static void requireField(WorkspaceId workspace, String field) {
        Objects.requireNonNull(workspace, "workspace");
        if (field == null || field.isBlank()) {
            throw new IllegalArgumentException("an encrypted value needs the name of its field");
        }
    }
}
