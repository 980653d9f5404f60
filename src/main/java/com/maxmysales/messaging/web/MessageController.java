package com.maxmysales.messaging.web;

import java.net.URI;
import java.util.UUID;

import com.maxmysales.messaging.ConversationQueries;
import com.maxmysales.messaging.OutboundMessages;
import com.maxmysales.privacy.audit.PersonalDataRead;
import com.maxmysales.shared.Permission;
import com.maxmysales.shared.RequiresPermission;
import com.maxmysales.shared.WorkspaceId;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@RequiresPermission(Permission.MESSAGES_SEND)
@RestController
@RequestMapping("/api/v1/messages")
@Tag(name = "Messages", description = "Send WhatsApp messages and follow their delivery")
class MessageController {

    private final OutboundMessages outbound;
    private final ConversationQueries queries;
    private final JsonMapper json;

    MessageController(OutboundMessages outbound, ConversationQueries queries, JsonMapper json) {
        this.outbound = outbound;
        this.queries = queries;
        this.json = json;
    }

    @PostMapping
    @Operation(summary = "Queue a message",
            description = "Text, template, image, video, document, audio, sticker, interactive or reaction. "
                    + "Free-form types need the customer's message within the last 24 hours (else 422). "
                    + "The same Idempotency-Key returns the same message and never sends twice. "
                    + "purpose (marketing, utility/service, lead_follow_up; templates default to marketing, free-form "
                    + "to service) decides the consent needed: 409 recipient-opted-out or no-consent-recorded when "
                    + "the recipient may not get it; a message queued before a withdrawal fails with errorCode -5.")
    ResponseEntity<MessageBody> send(WorkspaceId workspace, @RequestBody JsonNode request,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        var message = outbound.queue(workspace, request, idempotencyKey);
        return ResponseEntity.status(HttpStatus.ACCEPTED).location(URI.create("/api/v1/messages/" + message.id()))
                .body(MessageBody.of(message, json));
    }

    @PostMapping("/{messageId}/read")
    @Operation(summary = "Mark a customer's message read (they see blue ticks)")
    ResponseEntity<Void> markRead(WorkspaceId workspace, @PathVariable UUID messageId) {
        outbound.markRead(workspace, messageId);
        return ResponseEntity.noContent().build();
    }

    @RequiresPermission(Permission.CONVERSATIONS_READ)
    @GetMapping("/{messageId}")
    @PersonalDataRead("message.read")
    @Operation(summary = "A message and its delivery status: queued, sent, delivered, read or failed (with errorCode)")
    MessageBody get(WorkspaceId workspace, @PathVariable UUID messageId) {
        return MessageBody.of(queries.message(workspace, messageId), json);
    }
}
