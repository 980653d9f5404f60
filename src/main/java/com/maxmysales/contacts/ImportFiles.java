package com.maxmysales.contacts;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.UUID;

import com.maxmysales.privacy.crypto.FieldCipher;
import com.maxmysales.shared.WorkspaceId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * An uploaded CSV file as encrypted 1 MiB chunks in PostgreSQL: written and read as a stream, so a file of
 * a million rows never sits in memory, and readable by whichever node runs the import.
 */
@Repository
class ImportFiles {

    static final int CHUNK_BYTES = 1 << 20;
    private static final String FIELD = "contact_import_chunks.data";

    private final JdbcClient jdbc;
    private final FieldCipher cipher;

    ImportFiles(JdbcClient jdbc, FieldCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    /** Where an upload is written as it arrives: each 1 MiB is encrypted and inserted; {@link Chunks#close} writes the rest. */
    Chunks writer(WorkspaceId workspace, UUID importId) {
        return new Chunks(workspace, importId);
    }

    final class Chunks extends OutputStream {

        private final WorkspaceId workspace;
        private final UUID importId;
        private final byte[] buffer = new byte[CHUNK_BYTES];
        private int filled;
        private int seq;
        private long size;

        private Chunks(WorkspaceId workspace, UUID importId) {
            this.workspace = workspace;
            this.importId = importId;
        }

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            while (length > 0) {
                var count = Math.min(length, buffer.length - filled);
                System.arraycopy(bytes, offset, buffer, filled, count);
                filled += count;
                offset += count;
                length -= count;
                size += count;
                if (filled == buffer.length) {
                    flushChunk();
                }
            }
        }

        /** The upload as its reader sees it, every byte it reads written here on its way. */
        InputStream recording(InputStream in) {
            return new FilterInputStream(in) {
                @Override
                public int read() throws IOException {
                    var b = super.read();
                    if (b >= 0) {
                        write(b);
                    }
                    return b;
                }

                @Override
                public int read(byte[] bytes, int offset, int length) throws IOException {
                    var count = super.read(bytes, offset, length);
                    if (count > 0) {
                        write(bytes, offset, count);
                    }
                    return count;
                }

                @Override
                public long skip(long n) throws IOException {
                    // Skipped bytes would be missing from the stored file.
                    return n <= 0 ? 0 : Math.max(0, read(new byte[(int) Math.min(n, 8192)]));
                }
            };
        }

        /** @return the bytes written so far */
        long size() {
            return size;
        }

        @Override
        public void close() {
            if (filled > 0) {
                flushChunk();
            }
        }

        private void flushChunk() {
            jdbc.sql("insert into contact_import_chunks (import_id, seq, data) values (:id, :seq, :data)")
                    .param("id", importId).param("seq", seq++)
                    .param("data", cipher.encryptBytes(workspace, FIELD, Arrays.copyOf(buffer, filled)))
                    .update();
            filled = 0;
        }
    }

    InputStream open(WorkspaceId workspace, UUID importId) {
        return new InputStream() {
            private byte[] chunk = new byte[0];
            private int position;
            private int next;

            @Override
            public int read() {
                return fill() ? chunk[position++] & 0xff : -1;
            }

            @Override
            public int read(byte[] into, int offset, int length) {
                if (length == 0) {
                    return 0;
                }
                if (!fill()) {
                    return -1;
                }
                var count = Math.min(length, chunk.length - position);
                System.arraycopy(chunk, position, into, offset, count);
                position += count;
                return count;
            }

            private boolean fill() {
                while (position >= chunk.length) {
                    var data = jdbc.sql("select data from contact_import_chunks where import_id = :id and seq = :seq")
                            .param("id", importId).param("seq", next++)
                            .query(byte[].class).optional();
                    if (data.isEmpty()) {
                        return false;
                    }
                    chunk = cipher.decryptBytes(workspace, FIELD, data.get());
                    position = 0;
                }
                return true;
            }
        };
    }

    void delete(UUID importId) {
        jdbc.sql("delete from contact_import_chunks where import_id = :id").param("id", importId).update();
    }
}
