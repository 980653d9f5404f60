package com.maxmysales.whatsapp.web;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;

import com.maxmysales.shared.Permission;
import com.maxmysales.shared.RequiresPermission;
import com.maxmysales.shared.Secret;
import com.maxmysales.shared.WorkspaceId;
import com.maxmysales.whatsapp.Channel;
import com.maxmysales.whatsapp.ChannelManagement;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RequiresPermission(Permission.CHANNELS_VIEW)
@RestController
@RequestMapping("/api/v1/channels")
@Tag(name = "Channels", description = "WhatsApp Business numbers connected to the workspace")
class ChannelController {

    private final ChannelManagement channels;

    ChannelController(ChannelManagement channels) {
        this.channels = channels;
    }

    record ConnectChannel(@NotBlank String phoneNumberId, @NotBlank String wabaId, @NotBlank String displayPhoneNumber,
            @NotBlank String accessToken, Integer messagesPerSecond, String graphBaseUrl, String graphVersion) {

        @Override
        public String toString() {
            return "ConnectChannel[" + phoneNumberId + ", token=[REDACTED]]";
        }
    }

    /** A number as the API shows it: never its access token. */
    record ChannelBody(UUID id, String phoneNumberId, String wabaId, String displayPhoneNumber, int messagesPerSecond,
            boolean sandbox, String graphBaseUrl, String graphVersion, Instant createdAt) {
        static ChannelBody of(Channel channel) {
            return new ChannelBody(channel.id(), channel.phoneNumberId(), channel.wabaId(), channel.displayPhoneNumber(),
                    channel.messagesPerSecond(), channel.sandbox(), channel.graphBaseUrl(), channel.graphVersion(),
                    channel.createdAt());
        }
    }

    @RequiresPermission(Permission.CHANNELS_MANAGE)
    @PostMapping
    @Operation(summary = "Connect a WhatsApp number (its access token is stored encrypted and never shown again)")
    ResponseEntity<ChannelBody> connect(WorkspaceId workspace, @Valid @RequestBody ConnectChannel request) {
        var channel = channels.connect(workspace, new ChannelManagement.Connection(request.phoneNumberId(),
                request.wabaId(), request.displayPhoneNumber(), Secret.of(request.accessToken()),
                request.messagesPerSecond(), false, request.graphBaseUrl(), request.graphVersion()));
        return ResponseEntity.created(URI.create("/api/v1/channels/" + channel.id())).body(ChannelBody.of(channel));
    }

    @GetMapping
    @Operation(summary = "Numbers connected to the workspace")
    List<ChannelBody> list(WorkspaceId workspace) {
        return channels.list(workspace).stream().map(ChannelBody::of).toList();
    }

    @GetMapping("/{channelId}")
    @Operation(summary = "One connected number")
    ChannelBody get(WorkspaceId workspace, @PathVariable UUID channelId) {
        return ChannelBody.of(channels.get(workspace, channelId));
    }
}
