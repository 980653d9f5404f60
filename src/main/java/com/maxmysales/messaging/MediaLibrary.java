package com.maxmysales.messaging;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.maxmysales.platform.Refusal;
import com.maxmysales.shared.WorkspaceId;
import com.maxmysales.whatsapp.ChannelManagement;
import com.maxmysales.whatsapp.GraphClient;
import com.maxmysales.whatsapp.MediaKind;

import org.springframework.core.io.InputStreamSource;
import org.springframework.stereotype.Service;

/** Media of a workspace: files uploaded to send, and files customers sent, read back decrypted. */
@Service
public class MediaLibrary {

    private final MediaStore store;
    private final ChannelManagement channels;
    private final GraphClient graph;

    MediaLibrary(MediaStore store, ChannelManagement channels, GraphClient graph) {
        this.store = store;
        this.channels = channels;
        this.graph = graph;
    }

    public record Media(UUID id, String metaMediaId, String mimeType, long size, UUID messageId) {}

    /** A stored file, decrypted as it is read; the caller closes the stream. */
    public record MediaContent(String mimeType, long size, InputStreamSource content) {}

    /**
     * Uploads a file to Meta for the channel (or the workspace's first) and keeps an encrypted copy. The file is
     * streamed to the encrypted store within Meta's limit for its type, then streamed from there to Meta: it is
     * never held whole in memory, and is recorded only once Meta accepted it.
     *
     * @param file the uploaded bytes, read once; {@code size} as the client declared it
     */
    public Media upload(WorkspaceId workspace, UUID channelId, InputStreamSource file, long size, String mimeType,
            String filename) {
        if (size == 0) {
            throw Refusal.invalid("invalid-media", "Invalid media", "the file is empty");
        }
        var kind = MediaKind.ofMimeType(mimeType);
        if (size > kind.maxBytes()) {
            throw tooLarge(kind);
        }
        var channel = channelId != null ? channels.get(workspace, channelId)
                : channels.list(workspace).stream().findFirst().orElseThrow(() -> Refusal.unprocessable(
                        "no-channel", "No WhatsApp number",
                        "connect a WhatsApp number before uploading media"));
        MediaStore.Written written;
        try (var in = file.getInputStream()) {
            written = store.write(workspace, in, kind.maxBytes());
        } catch (MediaTooLarge e) {
            throw tooLarge(kind);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String metaId;
        try {
            metaId = graph.upload(channel, new GraphClient.MediaSource() {
                @Override
                public long size() {
                    return written.size();
                }

                @Override
                public InputStream open() throws IOException {
                    return store.open(workspace, written.id());
                }
            }, mimeType, filename == null ? "file" : filename);
        } catch (IOException e) {
            store.discard(workspace, written);
            throw new Refusal(Refusal.Kind.UPSTREAM_FAILED, "graph-unavailable", "Upload to Meta failed",
                    "Meta's media endpoint did not accept the file: " + e.getMessage());
        } catch (InterruptedException e) {
            store.discard(workspace, written);
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        MediaStore.StoredMedia stored;
        try {
            stored = store.record(workspace, null, null, metaId, mimeType, written);
        } catch (RuntimeException e) {
            store.discard(workspace, written);
            throw e;
        }
        return new Media(stored.id(), metaId, mimeType, written.size(), null);
    }

    public MediaContent content(WorkspaceId workspace, UUID id) {
        var media = store.find(workspace, id).orElseThrow(() -> Refusal.notFound("media " + id));
        return new MediaContent(media.mimeType(), media.size(), () -> store.open(workspace, media.id()));
    }

    /**
     * A file of one conversation, decrypted as it is read: whoever may open that conversation may see it, and a file
     * of another conversation is not found, so a thread's rights never reach further than its own files.
     */
    public MediaContent contentOf(WorkspaceId workspace, UUID conversation, UUID id) {
        if (!store.inConversation(workspace, id, conversation)) {
            throw Refusal.notFound("media " + id);
        }
        return content(workspace, id);
    }

    private static Refusal tooLarge(MediaKind kind) {
        return new Refusal(Refusal.Kind.TOO_LARGE, "media-too-large", "Media too large",
                "Meta accepts " + kind.name().toLowerCase(Locale.ROOT) + " files of up to " + kind.maxBytes() + " bytes",
                Map.of("limit", kind.maxBytes()));
    }

    /** The stored copy of a message's media, once downloaded. */
    public Optional<UUID> ofMessage(WorkspaceId workspace, UUID messageId) {
        return store.ofMessage(workspace, messageId);
    }
}
