package com.maxmysales.messaging;

import java.io.IOException;
import java.util.Optional;
import java.util.UUID;

import com.maxmysales.platform.ApiProblem;
import com.maxmysales.shared.WorkspaceId;
import com.maxmysales.whatsapp.ChannelManagement;
import com.maxmysales.whatsapp.GraphClient;

import org.springframework.http.HttpStatus;
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

    public record MediaContent(String mimeType, byte[] bytes) {}

    /** Uploads a file to Meta for the channel (or the workspace's first) and keeps an encrypted copy. */
    public Media upload(WorkspaceId workspace, UUID channelId, byte[] bytes, String mimeType, String filename) {
        if (bytes.length == 0) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "invalid-media", "Invalid media", "the file is empty");
        }
        var channel = channelId != null ? channels.get(workspace, channelId)
                : channels.list(workspace).stream().findFirst().orElseThrow(() -> new ApiProblem(
                        HttpStatus.UNPROCESSABLE_CONTENT, "no-channel", "No WhatsApp number",
                        "connect a WhatsApp number before uploading media"));
        String metaId;
        try {
            metaId = graph.upload(channel, bytes, mimeType, filename == null ? "file" : filename);
        } catch (IOException e) {
            throw new ApiProblem(HttpStatus.BAD_GATEWAY, "graph-unavailable", "Upload to Meta failed",
                    "Meta's media endpoint did not accept the file: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        var stored = store.store(workspace, null, null, metaId, mimeType, bytes);
        return new Media(stored.id(), metaId, mimeType, bytes.length, null);
    }

    public MediaContent content(WorkspaceId workspace, UUID id) {
        var media = store.find(workspace, id).orElseThrow(() -> ApiProblem.notFound("media " + id));
        return new MediaContent(media.mimeType(), store.read(media));
    }

    /** The stored copy of a message's media, once downloaded. */
    public Optional<UUID> ofMessage(WorkspaceId workspace, UUID messageId) {
        return store.ofMessage(workspace, messageId);
    }
}
