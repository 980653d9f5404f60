package com.maxmysales.messaging;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.maxmysales.platform.DataDirectory;
import com.maxmysales.privacy.FieldCipher;
import com.maxmysales.shared.ContactId;
import com.maxmysales.shared.WorkspaceId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Media files of messages on disk under {@code <data-dir>/media/<workspace>/}, each encrypted with the
 * workspace's data key: a copy of the disk reveals nothing. The database row says whose file it is.
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

    StoredMedia store(WorkspaceId workspace, ContactId contact, UUID message, String metaMediaId, String mimeType,
            byte[] bytes) {
        var id = UUID.randomUUID();
        try {
            Files.write(file(workspace, id), cipher.encryptBytes(workspace, FILE_FIELD, bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        jdbc.sql("""
                insert into media_files (id, workspace_id, contact_id, message_id, meta_media_id, mime_type, size_bytes,
                                         sha256, created_at)
                values (:id, :workspace, :contact, :message, :metaId, :mime, :size, :sha, :now)
                """)
                .param("id", id).param("workspace", workspace.value())
                .param("contact", contact == null ? null : contact.value()).param("message", message)
                .param("metaId", metaMediaId).param("mime", mimeType).param("size", (long) bytes.length)
                .param("sha", sha256(bytes)).param("now", Timestamp.from(clock.instant()))
                .update();
        return new StoredMedia(id, workspace, contact, message, metaMediaId, mimeType, bytes.length);
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

    byte[] read(StoredMedia media) {
        try {
            return cipher.decryptBytes(media.workspace(), FILE_FIELD, Files.readAllBytes(file(media.workspace(), media.id())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
