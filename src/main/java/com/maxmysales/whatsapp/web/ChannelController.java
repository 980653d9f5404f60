package com.maxmysales.whatsapp.web;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.maxmysales.platform.Refusal;
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

    /** A real number (its ids and token, checked with Meta) or {@code {"sandbox": true}}: one from the sandbox. */
    record ConnectChannel(String phoneNumberId, String wabaId, String displayPhoneNumber, String accessToken,
            Integer messagesPerSecond, String graphBaseUrl, String graphVersion, Boolean sandbox) {

        boolean wantsSandbox() {
            return Boolean.TRUE.equals(sandbox);
        }

        boolean namesARealNumber() {
            return phoneNumberId != null || wabaId != null || displayPhoneNumber != null || accessToken != null
                    || graphBaseUrl != null || graphVersion != null;
        }

        @Override
        public String toString() {
            return "ConnectChannel[" + phoneNumberId + ", sandbox=" + sandbox + ", token=[REDACTED]]";
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
    @Operation(summary = "Connect a WhatsApp number, or open a sandbox number",
            description = """
                    A real number: {"phoneNumberId", "wabaId", "displayPhoneNumber", "accessToken"}; Meta must confirm \
                    with that token that it may act for the number and its WhatsApp Business Account (else 422). The \
                    token is stored encrypted and never shown again. A sandbox number: {"sandbox": true}, its ids \
                    and token drawn by the built-in sandbox (404 when the sandbox is off).""")
    ResponseEntity<ChannelBody> connect(WorkspaceId workspace, @RequestBody ConnectChannel request) {
        if (request.wantsSandbox() && request.namesARealNumber()) {
            throw Refusal.invalid("invalid-request", "Invalid request",
                    "a sandbox number gets its ids and token from the sandbox: send {\"sandbox\": true} alone "
                            + "(messagesPerSecond may come with it)");
        }
        var channel = request.wantsSandbox()
                ? channels.connectSandbox(workspace, request.messagesPerSecond())
                : channels.connect(workspace, new ChannelManagement.Connection(request.phoneNumberId(),
                        request.wabaId(), request.displayPhoneNumber(),
                        request.accessToken() == null ? null : Secret.of(request.accessToken()),
                        request.messagesPerSecond(), request.graphBaseUrl(), request.graphVersion()));
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
