package com.maxmysales.sandbox.web;

import java.io.IOException;
import java.util.Arrays;
import java.util.Set;

import com.maxmysales.sandbox.GraphError;
import com.maxmysales.sandbox.PhoneChats;
import com.maxmysales.sandbox.SandboxIds;
import com.maxmysales.sandbox.SandboxLeads;
import com.maxmysales.sandbox.SandboxMedia;
import com.maxmysales.sandbox.WhenSandboxEnabled;
import com.maxmysales.sandbox.web.GraphBodies.Created;
import com.maxmysales.sandbox.web.GraphBodies.LeadInfo;
import com.maxmysales.sandbox.web.GraphBodies.MediaInfo;
import com.maxmysales.sandbox.web.GraphBodies.PhoneNumberInfo;
import com.maxmysales.sandbox.web.GraphBodies.Success;
import com.maxmysales.sandbox.web.GraphBodies.Throughput;

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
 * Graph objects by id: media (upload, look up, download, delete), leads, and the business phone numbers,
 * which the sandbox serves for any id without being told about them.
 */
@RestController
@WhenSandboxEnabled
class GraphObjectsController {

    static final String GRAPH = "/sandbox/graph";
    static final String MEDIA_FILES = "/sandbox/media";
    private static final Set<String> PHONE_NUMBER_FIELDS = Set.of("verified_name", "display_phone_number",
            "quality_rating", "throughput", "code_verification_status", "platform_type", "name_status",
            "whatsapp_business_manager_messaging_limit");

    private final SandboxMedia media;
    private final SandboxLeads leads;
    private final PhoneChats chats;

    GraphObjectsController(SandboxMedia media, SandboxLeads leads, PhoneChats chats) {
        this.media = media;
        this.leads = leads;
        this.chats = chats;
    }

    @PostMapping(path = GRAPH + "/{version}/{phoneNumberId}/media", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    Created upload(@RequestParam(name = "messaging_product", required = false) String messagingProduct,
            @RequestParam(name = "type", required = false) String type, @RequestPart("file") MultipartFile file)
            throws IOException {
        var mimeType = type != null && !type.isBlank() ? type : file.getContentType();
        return new Created(media.upload(messagingProduct, file.getBytes(), mimeType).id());
    }

    @GetMapping(GRAPH + "/{version}/{objectId}")
    Object get(@PathVariable String objectId, @RequestParam(required = false) String fields) {
        var uploaded = media.find(objectId);
        if (uploaded.isPresent()) {
            var file = uploaded.get();
            var url = ServletUriComponentsBuilder.fromCurrentContextPath().path(MEDIA_FILES + "/{id}")
                    .buildAndExpand(file.id()).toUriString();
            return new MediaInfo("whatsapp", url, file.mimeType(), file.sha256(), String.valueOf(file.bytes().length),
                    file.id());
        }
        var lead = leads.find(objectId);
        if (lead.isPresent()) {
            return LeadInfo.of(lead.get());
        }
        if (asksForPhoneNumber(fields) || chats.phoneNumberIds().contains(objectId)) {
            return new PhoneNumberInfo("MaxMySales Sandbox", "+" + SandboxIds.displayNumberOf(objectId), "GREEN",
                    "NOT_VERIFIED", "CLOUD_API", new Throughput("STANDARD"), objectId);
        }
        throw GraphError.unsupported("GET", objectId);
    }

    @DeleteMapping(GRAPH + "/{version}/{mediaId}")
    Success delete(@PathVariable String mediaId) {
        if (!media.delete(mediaId)) {
            throw GraphError.unsupported("DELETE", mediaId);
        }
        return Success.TRUE;
    }

    /** The media URL Meta hands out; like Meta's, it answers only with the access token. */
    @GetMapping(MEDIA_FILES + "/{mediaId}")
    ResponseEntity<byte[]> download(@PathVariable String mediaId) {
        return media.find(mediaId)
                .map(file -> ResponseEntity.ok().contentType(MediaType.parseMediaType(file.mimeType())).body(file.bytes()))
                .orElseGet(() -> ResponseEntity.notFound().build());
    }

    private static boolean asksForPhoneNumber(String fields) {
        return fields != null && Arrays.stream(fields.split(",")).map(String::strip).anyMatch(PHONE_NUMBER_FIELDS::contains);
    }
}
