package com.maxmysales.contacts;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.UUID;

import com.maxmysales.privacy.FieldCipher;
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

    /** @return the file's size in bytes */
    long store(WorkspaceId workspace, UUID importId, InputStream in) throws IOException {
        var buffer = new byte[CHUNK_BYTES];
        long size = 0;
        var seq = 0;
        while (true) {
            var filled = in.readNBytes(buffer, 0, buffer.length);
            if (filled == 0) {
                return size;
            }
            jdbc.sql("insert into contact_import_chunks (import_id, seq, data) values (:id, :seq, :data)")
                    .param("id", importId).param("seq", seq++)
                    .param("data", cipher.encryptBytes(workspace, FIELD, Arrays.copyOf(buffer, filled)))
                    .update();
            size += filled;
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
