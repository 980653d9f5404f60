package com.maxmysales.sandbox.web;

import java.io.IOException;

import com.maxmysales.sandbox.GraphError;
import com.maxmysales.sandbox.SandboxLeads;
import com.maxmysales.sandbox.SandboxMedia;
import com.maxmysales.sandbox.SandboxRegistry;
import com.maxmysales.sandbox.WhenSandboxEnabled;
import com.maxmysales.sandbox.web.GraphBodies.Created;
import com.maxmysales.sandbox.web.GraphBodies.LeadInfo;
import com.maxmysales.sandbox.web.GraphBodies.MediaInfo;
import com.maxmysales.sandbox.web.GraphBodies.PhoneNumberInfo;
import com.maxmysales.sandbox.web.GraphBodies.Success;
import com.maxmysales.sandbox.web.GraphBodies.Throughput;
import com.maxmysales.shared.WorkspaceId;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Graph objects by id: media (upload, look up, download, delete), leads, and the business phone numbers. Each
 * answers only for the caller's workspace; any other id, another workspace's or a real number's, is unknown.
 */
@RestController
@WhenSandboxEnabled
class GraphObjectsController {

    static final String GRAPH = "/sandbox/graph";
    static final String MEDIA_FILES = "/sandbox/media";

    private final SandboxRegistry registry;
    private final SandboxMedia media;
    private final SandboxLeads leads;

    GraphObjectsController(SandboxRegistry registry, SandboxMedia media, SandboxLeads leads) {
        this.registry = registry;
        this.media = media;
        this.leads = leads;
    }

    @PostMapping(path = GRAPH + "/{version}/{phoneNumberId}/media", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    Created upload(WorkspaceId workspace, @PathVariable String phoneNumberId,
            @RequestParam(name = "messaging_product", required = false) String messagingProduct,
            @RequestParam(name = "type", required = false) String type, @RequestPart("file") MultipartFile file)
            throws IOException {
        registry.number(workspace, phoneNumberId).orElseThrow(() -> GraphError.unknownObject("POST", phoneNumberId));
        var mimeType = type != null && !type.isBlank() ? type : file.getContentType();
        return new Created(media.upload(workspace, messagingProduct, file.getBytes(), mimeType).id());
    }

    @GetMapping(GRAPH + "/{version}/{objectId}")
    Object get(WorkspaceId workspace, @PathVariable String objectId) {
        var uploaded = media.find(workspace, objectId);
        if (uploaded.isPresent()) {
            var file = uploaded.get();
            var url = ServletUriComponentsBuilder.fromCurrentContextPath().path(MEDIA_FILES + "/{id}")
                    .buildAndExpand(file.id()).toUriString();
            return new MediaInfo("whatsapp", url, file.mimeType(), file.sha256(), String.valueOf(file.bytes().length),
                    file.id());
        }
        var lead = leads.find(workspace, objectId);
        if (lead.isPresent()) {
            return LeadInfo.of(lead.get());
        }
        return registry.number(workspace, objectId)
                .map(number -> new PhoneNumberInfo(PhonePage.VERIFIED_NAME, number.displayPhoneNumber(), "GREEN",
                        "NOT_VERIFIED", "CLOUD_API", new Throughput("STANDARD"), "TIER_250", objectId))
                .orElseThrow(() -> GraphError.unknownObject("GET", objectId));
    }

    @DeleteMapping(GRAPH + "/{version}/{mediaId}")
    Success delete(WorkspaceId workspace, @PathVariable String mediaId) {
        if (!media.delete(workspace, mediaId)) {
            throw GraphError.unknownObject("DELETE", mediaId);
        }
        return Success.TRUE;
    }

    /** The media URL Meta hands out; like Meta's, it answers only with the access token. */
    @GetMapping(MEDIA_FILES + "/{mediaId}")
    ResponseEntity<byte[]> download(WorkspaceId workspace, @PathVariable String mediaId) {
        return media.find(workspace, mediaId)
                .map(file -> ResponseEntity.ok().contentType(MediaType.parseMediaType(file.mimeType())).body(file.bytes()))
                .orElseGet(() -> ResponseEntity.notFound().build());
    }
}
