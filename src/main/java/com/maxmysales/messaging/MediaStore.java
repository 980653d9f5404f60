package com.maxmysales.messaging;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.maxmysales.platform.DataDirectory;
import com.maxmysales.privacy.crypto.FieldCipher;
import com.maxmysales.shared.ContactId;
import com.maxmysales.shared.WorkspaceId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Media files of messages on disk under {@code <data-dir>/media/<workspace>/}, each encrypted with the
 * workspace's data key: a copy of the disk reveals nothing. The database row says whose file it is. Files are
 * streamed through the cipher in both directions, so a 100 MB document never sits in memory.
 */
@Component
class MediaStore {

    static final String FILE_FIELD = "media.file";

    record StoredMedia(UUID id, WorkspaceId workspace, ContactId contact, UUID message, String metaMediaId,
            String mimeType, long size) {}

    private final JdbcClient jdbc;
    private final FieldCipher cipher;
    private final DataDirectory dataDirectory;
    private final Clock clock;

    MediaStore(JdbcClient jdbc, FieldCipher cipher, DataDirectory dataDirectory, Clock clock) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.dataDirectory = dataDirectory;
        this.clock = clock;
    }

    /** A file written encrypted to disk and not yet recorded: {@link #record} makes it the workspace's. */
    record Written(UUID id, long size, byte[] sha256) {}

    /**
     * Streams {@code in} encrypted to a new file, counting while it reads: past {@code maxBytes} it stops and
     * leaves nothing behind. The file stays unnamed to the database until {@link #record}.
     *
     * @throws MediaTooLarge when {@code in} holds more than {@code maxBytes}
     */
    Written write(WorkspaceId workspace, InputStream in, long maxBytes) throws IOException {
        var id = UUID.randomUUID();
        var file = file(workspace, id);
        var partial = file.resolveSibling(id + ".part");
        var digest = sha256();
        long size = 0;
        try {
            try (var out = cipher.encryptingStream(workspace, FILE_FIELD,
                    new BufferedOutputStream(Files.newOutputStream(partial, StandardOpenOption.CREATE_NEW), 1 << 16))) {
                var buffer = new byte[1 << 16];
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    size += n;
                    if (size > maxBytes) {
                        throw new MediaTooLarge(maxBytes);
                    }
                    digest.update(buffer, 0, n);
                    out.write(buffer, 0, n);
                }
            }
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
            return new Written(id, size, digest.digest());
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    /** Records a written file as the workspace's media; from now on it is read, exported, erased and purged. */
    StoredMedia record(WorkspaceId workspace, ContactId contact, UUID message, String metaMediaId, String mimeType,
            Written written) {
        jdbc.sql("""
                insert into media_files (id, workspace_id, contact_id, message_id, meta_media_id, mime_type, size_bytes,
                                         sha256, created_at)
                values (:id, :workspace, :contact, :message, :metaId, :mime, :size, :sha, :now)
                """)
                .param("id", written.id()).param("workspace", workspace.value())
                .param("contact", contact == null ? null : contact.value()).param("message", message)
                .param("metaId", metaMediaId).param("mime", mimeType).param("size", written.size())
                .param("sha", written.sha256()).param("now", Timestamp.from(clock.instant()))
                .update();
        return new StoredMedia(written.id(), workspace, contact, message, metaMediaId, mimeType, written.size());
    }

    /** Removes a written file that was never recorded, such as one Meta did not accept. */
    void discard(WorkspaceId workspace, Written written) {
        try {
            Files.deleteIfExists(file(workspace, written.id()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The decrypted content of a written file, read as it is decrypted. */
    InputStream open(WorkspaceId workspace, UUID id) throws IOException {
        var in = new BufferedInputStream(Files.newInputStream(file(workspace, id)), 1 << 16);
        try {
            return cipher.decryptingStream(workspace, FILE_FIELD, in);
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    Optional<StoredMedia> find(WorkspaceId workspace, UUID id) {
        return jdbc.sql("""
                select id, contact_id, message_id, meta_media_id, mime_type, size_bytes from media_files
                where workspace_id = :workspace and id = :id
                """)
                .param("workspace", workspace.value()).param("id", id)
                .query((rs, n) -> new StoredMedia(rs.getObject(1, UUID.class), workspace,
                        rs.getObject(2, UUID.class) == null ? null : new ContactId(rs.getObject(2, UUID.class)),
                        rs.getObject(3, UUID.class), rs.getString(4), rs.getString(5), rs.getLong(6)))
                .optional();
    }

    Optional<UUID> ofMessage(WorkspaceId workspace, UUID message) {
        return jdbc.sql("select id from media_files where workspace_id = :workspace and message_id = :message")
                .param("workspace", workspace.value()).param("message", message)
                .query(UUID.class).optional();
    }

    /** Whether the file is a message's of this conversation. */
    boolean inConversation(WorkspaceId workspace, UUID id, UUID conversation) {
        return jdbc.sql("""
                select count(*) from media_files f join messages m on m.id = f.message_id
                where f.workspace_id = :workspace and m.workspace_id = :workspace and f.id = :id
                  and m.conversation_id = :conversation
                """)
                .param("workspace", workspace.value()).param("id", id).param("conversation", conversation)
                .query(Integer.class).single() > 0;
    }

    /** Deletes the files and rows chosen by {@code where} (a condition on media_files); returns how many. */
    int delete(String where, java.util.Map<String, Object> params) {
        var doomed = jdbc.sql("select workspace_id, id from media_files where " + where).params(params)
                .query((rs, n) -> List.of(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class))).list();
        for (var media : doomed) {
            try {
                Files.deleteIfExists(file(new WorkspaceId(media.get(0)), media.get(1)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        jdbc.sql("delete from media_files where " + where).params(params).update();
        return doomed.size();
    }

    int count(String where, java.util.Map<String, Object> params) {
        return jdbc.sql("select count(*) from media_files where " + where).params(params).query(Integer.class).single();
    }

    private Path file(WorkspaceId workspace, UUID id) {
        return dataDirectory.resolve("media/" + workspace).resolve(id + ".bin");
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
