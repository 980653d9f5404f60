package com.maxmysales.sandbox;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.maxmysales.shared.WorkspaceId;

import org.springframework.stereotype.Component;

/**
 * Media uploaded through {@code POST /{phone-number-id}/media}, held in memory with Meta's type and size
 * rules, each for the workspace whose number uploaded it: no other workspace can look it up, download or delete
 * it. The oldest files make room past a fixed total, as this is a development tool.
 */
@Component
@WhenSandboxEnabled
public class SandboxMedia {

    private static final long MB = 1024 * 1024;
    /** A workspace's own files: past it, its oldest go, never another workspace's. */
    static final long WORKSPACE_BYTES = 32 * MB;
    /** All workspaces together, in memory: past it the oldest of all go (a platform fetches media within seconds). */
    static final long CAPACITY_BYTES = 96 * MB;
    // Meta's supported types and their limits (Cloud API media reference).
    private static final Map<String, Long> LIMITS = Map.ofEntries(
            Map.entry("audio/aac", 16 * MB), Map.entry("audio/amr", 16 * MB), Map.entry("audio/mpeg", 16 * MB),
            Map.entry("audio/mp4", 16 * MB), Map.entry("audio/ogg", 16 * MB),
            Map.entry("text/plain", 100 * MB), Map.entry("application/pdf", 100 * MB),
            Map.entry("application/msword", 100 * MB), Map.entry("application/vnd.ms-excel", 100 * MB),
            Map.entry("application/vnd.ms-powerpoint", 100 * MB),
            Map.entry("application/vnd.openxmlformats-officedocument.wordprocessingml.document", 100 * MB),
            Map.entry("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", 100 * MB),
            Map.entry("application/vnd.openxmlformats-officedocument.presentationml.presentation", 100 * MB),
            Map.entry("image/jpeg", 5 * MB), Map.entry("image/png", 5 * MB), Map.entry("image/webp", 500 * 1024L),
            Map.entry("video/mp4", 16 * MB), Map.entry("video/3gpp", 16 * MB));

    /** @param sha256 base64, as in Meta's media objects */
    public record Media(String id, WorkspaceId workspace, String mimeType, byte[] bytes, String sha256) {
    }

    private final Map<String, Media> media = new LinkedHashMap<>();
    private long storedBytes;

    public synchronized Media upload(WorkspaceId workspace, String messagingProduct, byte[] bytes, String mimeType) {
        if (!"whatsapp".equals(messagingProduct)) {
            throw GraphError.invalid("The parameter messaging_product is required and must be \"whatsapp\".");
        }
        if (bytes.length == 0) {
            throw GraphError.missing("file");
        }
        var baseType = mimeType == null ? "" : mimeType.split(";")[0].strip().toLowerCase(Locale.ROOT);
        var limit = LIMITS.get(baseType);
        if (limit == null) {
            throw GraphError.invalid("Param file must be a file with one of the following types: "
                    + new java.util.TreeSet<>(LIMITS.keySet()) + ". Received file of type '" + mimeType + "'.");
        }
        if (bytes.length > limit) {
            throw GraphError.invalid("File of type " + baseType + " is " + bytes.length + " bytes; the limit is " + limit + ".");
        }
        if (bytes.length > WORKSPACE_BYTES) {
            throw GraphError.invalid("The sandbox keeps at most " + WORKSPACE_BYTES / MB + " MB of a workspace's media: "
                    + "this file is larger.");
        }
        var ownBytes = media.values().stream().filter(file -> file.workspace().equals(workspace))
                .mapToLong(file -> file.bytes().length).sum();
        for (var own = media.values().stream().filter(file -> file.workspace().equals(workspace)).map(Media::id).toList()
                .iterator(); ownBytes + bytes.length > WORKSPACE_BYTES && own.hasNext(); ) {
            var id = own.next();
            ownBytes -= media.get(id).bytes().length;
            remove(id);
        }
        while (storedBytes + bytes.length > CAPACITY_BYTES && !media.isEmpty()) {
            remove(media.values().iterator().next().id());
        }
        var stored = new Media(SandboxIds.graphId(), workspace, mimeType, bytes.clone(), sha256(bytes));
        media.put(stored.id(), stored);
        storedBytes += bytes.length;
        return stored;
    }

    /** A media file of this workspace; another workspace's is as unknown as one never uploaded. */
    public synchronized Optional<Media> find(WorkspaceId workspace, String id) {
        return Optional.ofNullable(media.get(id)).filter(file -> file.workspace().equals(workspace));
    }

    public synchronized boolean delete(WorkspaceId workspace, String id) {
        return find(workspace, id).isPresent() && remove(id);
    }

    private boolean remove(String id) {
        var removed = media.remove(id);
        if (removed != null) {
            storedBytes -= removed.bytes().length;
        }
        return removed != null;
    }

    private static String sha256(byte[] bytes) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
