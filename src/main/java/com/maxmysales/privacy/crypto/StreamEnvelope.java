package com.maxmysales.privacy.crypto;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PushbackInputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.function.IntFunction;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import com.maxmysales.shared.WorkspaceId;

/**
 * Encryption of values too large to hold in memory (media files): {@code format 2 (1 byte) | data-key version (4)
 * | salt (32)}, then segments of up to 64 KiB, each AES-256-GCM sealed with its own 16-byte tag. Each value gets
 * its own key, HKDF-derived from the data key and the salt, so segment nonces can be a counter: {@code 7 zero bytes
 * | segment number (4) | last-segment flag (1)}. The counter stops segments from being reordered, the flag from a
 * value being cut short, and every segment's AAD binds it to the header, the workspace and the field, as in
 * {@link Envelope}. A reader releases a segment only after its tag checked.
 */
final class StreamEnvelope {

    static final byte FORMAT = 2;
    static final int SEGMENT_BYTES = 64 * 1024;
    private static final int SALT_BYTES = 32;
    private static final int HEADER_BYTES = 1 + 4 + SALT_BYTES;
    private static final byte[] KEY_LABEL = "maxmysales/stream-segment-key".getBytes(StandardCharsets.US_ASCII);
    private static final SecureRandom RANDOM = new SecureRandom();

    private StreamEnvelope() {
    }

    static OutputStream encrypting(DataKey key, WorkspaceId workspace, String field, OutputStream out) throws IOException {
        var salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        var header = ByteBuffer.allocate(HEADER_BYTES).put(FORMAT).putInt(key.version()).put(salt).array();
        out.write(header);
        return new Sealing(segmentKey(key, salt), aad(header, workspace, field), out);
    }

    /**
     * @param keyOfVersion the workspace's data key of a version, or null when it has none
     * @param legacy opens a value written whole by {@link Envelope} (media stored before streaming existed)
     */
    static InputStream decrypting(InputStream in, WorkspaceId workspace, String field, IntFunction<DataKey> keyOfVersion,
            LegacyOpener legacy) throws IOException {
        var first = in.read();
        if (first == Envelope.FORMAT) {
            var whole = in.readAllBytes();
            var envelope = new byte[whole.length + 1];
            envelope[0] = Envelope.FORMAT;
            System.arraycopy(whole, 0, envelope, 1, whole.length);
            return new ByteArrayInputStream(legacy.open(envelope));
        }
        var rest = in.readNBytes(HEADER_BYTES - 1);
        if (first != FORMAT || rest.length != HEADER_BYTES - 1) {
            throw new DecryptionFailedException(workspace, field, "it is not a value this cipher wrote");
        }
        var header = ByteBuffer.allocate(HEADER_BYTES).put((byte) first).put(rest).array();
        var version = ByteBuffer.wrap(header, 1, 4).getInt();
        var key = keyOfVersion.apply(version);
        if (key == null) {
            throw new DecryptionFailedException(workspace, field,
                    "its data key version " + version + " does not exist in this workspace");
        }
        var salt = new byte[SALT_BYTES];
        System.arraycopy(header, 5, salt, 0, SALT_BYTES);
        return new Opening(segmentKey(key, salt), aad(header, workspace, field), in, workspace, field);
    }

    @FunctionalInterface
    interface LegacyOpener {
        byte[] open(byte[] envelope);
    }

    private static SecretKey segmentKey(DataKey key, byte[] salt) {
        return new SecretKeySpec(Hkdf.expand(Hkdf.extract(salt, key.key().getEncoded()), KEY_LABEL, 32), "AES");
    }

    private static byte[] aad(byte[] header, WorkspaceId workspace, String field) {
        var name = field.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(header.length + 16 + name.length).put(header)
                .putLong(workspace.value().getMostSignificantBits()).putLong(workspace.value().getLeastSignificantBits())
                .put(name).array();
    }

    private static GCMParameterSpec nonce(int segment, boolean last) {
        var nonce = ByteBuffer.allocate(12).position(7).putInt(segment).put((byte) (last ? 1 : 0)).array();
        return new GCMParameterSpec(128, nonce);
    }

    private static Cipher gcm() {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is unavailable", e);
        }
    }

    private static final class Sealing extends OutputStream {

        private final SecretKey key;
        private final byte[] aad;
        private final OutputStream out;
        private final Cipher cipher = gcm();
        private final byte[] buffer = new byte[SEGMENT_BYTES];
        private int filled;
        private int segment;
        private boolean closed;

        Sealing(SecretKey key, byte[] aad, OutputStream out) {
            this.key = key;
            this.aad = aad;
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            while (length > 0) {
                // A full buffer is sealed only once more bytes arrive: the last segment must carry the flag.
                if (filled == SEGMENT_BYTES) {
                    seal(false);
                }
                var n = Math.min(length, SEGMENT_BYTES - filled);
                System.arraycopy(bytes, offset, buffer, filled, n);
                filled += n;
                offset += n;
                length -= n;
            }
        }

        @Override
        public void close() throws IOException {
            if (!closed) {
                closed = true;
                seal(true);
                out.close();
            }
        }

        private void seal(boolean last) throws IOException {
            try {
                cipher.init(Cipher.ENCRYPT_MODE, key, nonce(segment++, last));
                cipher.updateAAD(aad);
                out.write(cipher.doFinal(buffer, 0, filled));
                filled = 0;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("AES-GCM is unavailable", e);
            }
        }
    }

    private static final class Opening extends InputStream {

        private final SecretKey key;
        private final byte[] aad;
        private final PushbackInputStream in;
        private final WorkspaceId workspace;
        private final String field;
        private final Cipher cipher = gcm();
        private byte[] plain = new byte[0];
        private int position;
        private int segment;
        private boolean last;

        Opening(SecretKey key, byte[] aad, InputStream in, WorkspaceId workspace, String field) {
            this.key = key;
            this.aad = aad;
            this.in = new PushbackInputStream(in, 1);
            this.workspace = workspace;
            this.field = field;
        }

        @Override
        public int read() throws IOException {
            var one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] bytes, int offset, int length) throws IOException {
            while (position == plain.length) {
                if (last) {
                    return -1;
                }
                open();
            }
            var n = Math.min(length, plain.length - position);
            System.arraycopy(plain, position, bytes, offset, n);
            position += n;
            return n;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }

        private void open() throws IOException {
            var sealed = in.readNBytes(SEGMENT_BYTES + 16);
            var next = in.read();
            if (next >= 0) {
                in.unread(next);
            }
            last = next < 0;
            if (sealed.length < 16 || (!last && sealed.length != SEGMENT_BYTES + 16)) {
                throw new DecryptionFailedException(workspace, field, "it was cut short or altered");
            }
            try {
                cipher.init(Cipher.DECRYPT_MODE, key, nonce(segment++, last));
                cipher.updateAAD(aad);
                plain = cipher.doFinal(sealed);
                position = 0;
            } catch (AEADBadTagException e) {
                throw new DecryptionFailedException(workspace, field,
                        "it was altered, cut short, or written for another workspace or field");
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("AES-GCM is unavailable", e);
            }
        }
    }
}
