package com.maxmysales.privacy.crypto;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Random;

import com.maxmysales.privacy.crypto.InMemoryKeys.DataKeysInMemory;
import com.maxmysales.shared.WorkspaceId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Media files encrypted as a stream: what is written reads back, and a file altered, cut or moved does not. */
class StreamEnvelopeTests {

    private static final String FILE = "media.file";
    private static final int SEGMENT = StreamEnvelope.SEGMENT_BYTES;

    private final FieldCipher cipher = new FieldCipher(
            new WorkspaceDataKeys(new DataKeysInMemory(), InMemoryKeys.masterKeys(), InMemoryKeys.CLOCK));
    private final WorkspaceId workspace = WorkspaceId.random();

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 100, SEGMENT - 1, SEGMENT, SEGMENT + 1, 3 * SEGMENT, 3 * SEGMENT + 17})
    void readsBackWhatItWrote(int size) throws IOException {
        var plain = random(size);
        var sealed = encrypt(workspace, plain);
        assertThat(sealed[0]).as("format").isEqualTo(StreamEnvelope.FORMAT);
        assertThat(decrypt(workspace, sealed)).isEqualTo(plain);
    }

    @Test
    void hidesThePlaintext() throws IOException {
        var plain = new byte[3 * SEGMENT];
        Arrays.fill(plain, (byte) 'A');
        var sealed = encrypt(workspace, plain);
        var run = new byte[32];
        Arrays.fill(run, (byte) 'A');
        assertThat(indexOf(sealed, run)).isEqualTo(-1);
    }

    @Test
    void aFlippedBitAnywhereIsRefused() throws IOException {
        var sealed = encrypt(workspace, random(SEGMENT + 10));
        for (int i = 0; i < sealed.length; i += 997) {
            var tampered = sealed.clone();
            tampered[i] ^= 0x01;
            assertThatThrownBy(() -> decrypt(workspace, tampered)).as("byte " + i).isInstanceOf(DecryptionFailedException.class);
        }
    }

    /** A file cut at a segment boundary would otherwise read as a shorter, valid file. */
    @Test
    void aFileCutShortIsRefused() throws IOException {
        var sealed = encrypt(workspace, random(3 * SEGMENT + 5));
        var header = 1 + 4 + 32;
        var cutAtBoundary = Arrays.copyOf(sealed, header + 2 * (SEGMENT + 16));
        assertThatThrownBy(() -> decrypt(workspace, cutAtBoundary)).isInstanceOf(DecryptionFailedException.class);
        assertThatThrownBy(() -> decrypt(workspace, Arrays.copyOf(sealed, header))).isInstanceOf(DecryptionFailedException.class);
    }

    @Test
    void segmentsCannotBeReordered() throws IOException {
        var sealed = encrypt(workspace, random(3 * SEGMENT));
        var header = 1 + 4 + 32;
        var length = SEGMENT + 16;
        var swapped = sealed.clone();
        System.arraycopy(sealed, header + length, swapped, header, length);
        System.arraycopy(sealed, header, swapped, header + length, length);
        assertThatThrownBy(() -> decrypt(workspace, swapped)).isInstanceOf(DecryptionFailedException.class);
    }

    @Test
    void aFileOfAnotherWorkspaceOrFieldIsRefused() throws IOException {
        var sealed = encrypt(workspace, random(100));
        assertThatThrownBy(() -> decrypt(WorkspaceId.random(), sealed)).isInstanceOf(DecryptionFailedException.class);
        assertThatThrownBy(() -> cipher.decryptingStream(workspace, "other.field", new ByteArrayInputStream(sealed)).readAllBytes())
                .isInstanceOf(DecryptionFailedException.class);
    }

    /** Media written whole before files were streamed still read. */
    @Test
    void readsFilesWrittenWholeBefore() throws IOException {
        var plain = random(5000);
        var legacy = cipher.encryptBytes(workspace, FILE, plain);
        assertThat(decrypt(workspace, legacy)).isEqualTo(plain);
    }

    private byte[] encrypt(WorkspaceId owner, byte[] plain) throws IOException {
        var out = new ByteArrayOutputStream();
        try (var sealing = cipher.encryptingStream(owner, FILE, out)) {
            // Odd-sized writes, so segment boundaries fall inside them.
            for (int i = 0; i < plain.length; i += 7919) {
                sealing.write(plain, i, Math.min(7919, plain.length - i));
            }
        }
        return out.toByteArray();
    }

    private byte[] decrypt(WorkspaceId owner, byte[] sealed) throws IOException {
        try (var in = cipher.decryptingStream(owner, FILE, new ByteArrayInputStream(sealed))) {
            return in.readAllBytes();
        }
    }

    private static byte[] random(int size) {
        var bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
