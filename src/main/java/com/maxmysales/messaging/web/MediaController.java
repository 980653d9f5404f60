package com.maxmysales.messaging.web;

import java.io.IOException;
import java.net.URI;
import java.util.UUID;

import com.maxmysales.messaging.MediaLibrary;
import com.maxmysales.privacy.audit.PersonalDataRead;
import com.maxmysales.shared.Permission;
import com.maxmysales.shared.RequiresPermission;
import com.maxmysales.shared.WorkspaceId;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RequiresPermission(Permission.MESSAGES_SEND)
@RestController
@RequestMapping("/api/v1/media")
@Tag(name = "Media", description = "Files to send, and files customers sent")
class MediaController {

    private final MediaLibrary media;

    MediaController(MediaLibrary media) {
        this.media = media;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Upload a file to Meta for sending",
            description = "Answers with metaMediaId: send it as {\"type\": \"image\", \"image\": {\"id\": metaMediaId}}.")
    @ApiResponse(responseCode = "201", description = "Uploaded")
    @ApiResponse(responseCode = "400", description = "`invalid-media`")
    @ApiResponse(responseCode = "413", description = "`media-too-large`: over Meta's limit for its type")
    ResponseEntity<MediaLibrary.Media> upload(WorkspaceId workspace, @RequestParam("file") MultipartFile file,
            @RequestParam(required = false) UUID channelId) throws IOException {
        // The servlet container spooled the part to disk; it is streamed from there, never read into memory.
        var uploaded = media.upload(workspace, channelId, file, file.getSize(),
                file.getContentType() == null ? MediaType.APPLICATION_OCTET_STREAM_VALUE : file.getContentType(),
                file.getOriginalFilename());
        return ResponseEntity.created(URI.create("/api/v1/media/" + uploaded.id())).body(uploaded);
    }

    @RequiresPermission(Permission.CONVERSATIONS_READ)
    @GetMapping("/{mediaId}")
    @PersonalDataRead("media.read")
    @Operation(summary = "A stored media file, decrypted")
    ResponseEntity<InputStreamResource> content(WorkspaceId workspace, @PathVariable UUID mediaId) throws IOException {
        var content = media.content(workspace, mediaId);
        // Decrypted as it is written to the client, never whole in memory.
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(content.mimeType()))
                .contentLength(content.size())
                .header("Cache-Control", "private, no-store")
                .body(new InputStreamResource(content.content().getInputStream()));
    }
}
