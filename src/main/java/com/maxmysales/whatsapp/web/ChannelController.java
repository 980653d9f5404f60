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
import com.maxmysales.whatsapp.NumberStanding;
import com.maxmysales.whatsapp.SendingHold;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
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

    /**
     * A number as the API shows it: never its access token. {@code sending} is {@code active}, {@code paused} (a ban
     * or restriction holds everything) or {@code replies-only} (Meta restricted business-initiated messages);
     * {@code messagesPerSecond} is the pace the platform keeps, which Meta's tier and quality changes move.
     */
    record ChannelBody(UUID id, String phoneNumberId, String wabaId, String displayPhoneNumber, int messagesPerSecond,
            boolean sandbox, String graphBaseUrl, String graphVersion, Instant createdAt, String sending,
            String pausedReason, Instant pausedSince, Instant pausedUntil, String qualityEvent, boolean qualityFlagged,
            String messagingLimitTier, Integer dailyRecipientLimit, String verifiedName, String nameStatus,
            String nameRejectionReason, String accountEvent, String accountDetail) {
        static ChannelBody of(Channel channel, NumberStanding standing) {
            var hold = standing.hold();
            return new ChannelBody(channel.id(), channel.phoneNumberId(), channel.wabaId(), channel.displayPhoneNumber(),
                    channel.messagesPerSecond(), channel.sandbox(), channel.graphBaseUrl(), channel.graphVersion(),
                    channel.createdAt(), hold == null ? "active"
                            : hold.scope() == SendingHold.Scope.ALL ? "paused" : "replies-only",
                    hold == null ? null : hold.reason(), hold == null ? null : hold.since(),
                    hold == null ? null : hold.until(), standing.qualityEvent(), standing.qualityFlagged(),
                    standing.messagingLimitTier(), standing.dailyRecipientLimit(), standing.verifiedName(),
                    standing.nameStatus(), standing.nameRejectionReason(), standing.accountEvent(),
                    standing.accountDetail());
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
    @ApiResponse(responseCode = "201", description = "Connected; Location names the channel")
    @ApiResponse(responseCode = "404", description = "`sandbox-off`: the sandbox is not enabled on this install")
    @ApiResponse(responseCode = "409", description = "`channel-exists`: the number is connected already")
    @ApiResponse(responseCode = "422", description = "`channel-not-confirmed`, `graph-base-url-not-allowed`, `sandbox-limit`")
    @ApiResponse(responseCode = "502", description = "`graph-unavailable`: Meta could not be reached to confirm the number")
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
        return ResponseEntity.created(URI.create("/api/v1/channels/" + channel.id()))
                .body(ChannelBody.of(channel, NumberStanding.UNKNOWN));
    }

    @GetMapping
    @Operation(summary = "Numbers connected to the workspace")
    List<ChannelBody> list(WorkspaceId workspace) {
        var standings = channels.standings(workspace);
        return channels.list(workspace).stream()
                .map(channel -> ChannelBody.of(channel, standings.getOrDefault(channel.id(), NumberStanding.UNKNOWN)))
                .toList();
    }

    @GetMapping("/{channelId}")
    @Operation(summary = "One connected number")
    ChannelBody get(WorkspaceId workspace, @PathVariable UUID channelId) {
        var channel = channels.get(workspace, channelId);
        return ChannelBody.of(channel, channels.standing(workspace, channel.id()));
    }
}
