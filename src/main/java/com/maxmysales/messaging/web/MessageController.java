package com.maxmysales.messaging.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import com.maxmysales.messaging.ConversationQueries;
import com.maxmysales.messaging.Outbound;
import com.maxmysales.messaging.OutboundResult;
import com.maxmysales.messaging.ReadReceipts;
import com.maxmysales.platform.Refusal;
import com.maxmysales.privacy.audit.PersonalDataRead;
import com.maxmysales.shared.Permission;
import com.maxmysales.shared.RequiresPermission;
import com.maxmysales.shared.WorkspaceId;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
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

    private final Outbound outbound;
    private final ReadReceipts receipts;
    private final ConversationQueries queries;
    private final JsonMapper json;
    private final ReusedKeys reusedKeys;
    private final BulkIntake intake;

    MessageController(Outbound outbound, ReadReceipts receipts, ConversationQueries queries, JsonMapper json,
            ReusedKeys reusedKeys, BulkIntake intake) {
        this.outbound = outbound;
        this.receipts = receipts;
        this.queries = queries;
        this.json = json;
        this.reusedKeys = reusedKeys;
        this.intake = intake;
    }

    @PostMapping
    @Operation(summary = "Queue a message",
            description = "Text, template, image, video, document, audio, sticker, interactive (button, list, cta_url) or "
                    + "reaction, each as Meta's Cloud API documents it. Free-form types need the customer's message "
                    + "within the last 24 hours (else 422 outside-service-window). The same Idempotency-Key returns the "
                    + "same message and never sends twice. purpose (marketing, utility/service, authentication, "
                    + "lead_follow_up; templates default to marketing, free-form to service) decides the consent needed: "
                    + "409 recipient-opted-out or no-consent-recorded when the recipient may not get it, 409 erased-person "
                    + "for a number this business erased; a message queued before a withdrawal fails with errorCode -5. "
                    + "lane (conversation, bot, follow_up, campaign) orders a number's waiting messages: by default "
                    + "conversation for service messages, follow_up for service templates, authentication and lead "
                    + "follow-ups, campaign for marketing; a lane ahead of that default is 422 lane-not-allowed.")
    @ApiResponse(responseCode = "202", description = "Queued; Location names the message")
    @ApiResponse(responseCode = "404", description = "`not-found`: no such channelId")
    @ApiResponse(responseCode = "409", description = "`recipient-opted-out`, `no-consent-recorded`, `erased-person`")
    @ApiResponse(responseCode = "422", description = "`outside-service-window`, `no-channel`, `template-not-approved`, "
            + ", `lane-not-allowed`, `invalid-recipient`")
    @ApiResponse(responseCode = "400", description = "`invalid-message`, `invalid-phone-number`")
    ResponseEntity<MessageBody> send(WorkspaceId workspace, @io.swagger.v3.oas.annotations.parameters.RequestBody(
            required = true, content = @Content(schema = @Schema(oneOf = {MessageRequestSchemas.TextMessage.class,
                    MessageRequestSchemas.TemplateMessage.class, MessageRequestSchemas.MediaMessage.class,
                    MessageRequestSchemas.InteractiveMessage.class, MessageRequestSchemas.ReactionMessage.class}),
                    examples = {@ExampleObject(name = "text", value = MessageRequestSchemas.TEXT_EXAMPLE),
                            @ExampleObject(name = "template", value = MessageRequestSchemas.TEMPLATE_EXAMPLE),
                            @ExampleObject(name = "image", value = MessageRequestSchemas.IMAGE_EXAMPLE)}))
            @RequestBody JsonNode request,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        var started = reusedKeys.now();
        var asked = MessageRequests.read(workspace, request, MessageRequests.callersKey(idempotencyKey));
        return switch (outbound.queue(asked)) {
            case OutboundResult.Queued queued when reusedKeys.reused(List.of(asked), List.of(queued.message()), started)[0] ->
                    throw ReusedKeys.refusal(idempotencyKey);
            case OutboundResult.Queued queued -> ResponseEntity.status(HttpStatus.ACCEPTED)
                    .location(URI.create("/api/v1/messages/" + queued.message().id()))
                    .body(MessageBody.of(queued.message(), json));
            case OutboundResult.Refused refused -> throw OutboundProblems.of(refused);
        };
    }

    @PostMapping("/bulk")
    @Operation(summary = "Queue up to 1,000 messages in one request",
            description = "{\"messages\": [...]}: each item is what POST /api/v1/messages takes, with its own optional "
                    + "idempotencyKey; each is decided as that endpoint decides it, all in one transaction. The answer "
                    + "is 200 with one result per item in the same order: {\"status\": 202, \"id\": ...} for a queued "
                    + "message, or the status, type, title and detail of the problem the single endpoint would have "
                    + "answered for it. A refused item takes back nothing of the others.")
    @ApiResponse(responseCode = "200", description = "One result per message, in order")
    @ApiResponse(responseCode = "400", description = "`invalid-bulk`: no messages array, or more than 1,000 items")
    @ApiResponse(responseCode = "429", description = "`too-many-bulk-requests`: 8 of the workspace's bulk requests already wait or run on this node")
    BulkMessages.BulkBody sendAll(WorkspaceId workspace, @RequestBody JsonNode request) throws Exception {
        return intake.inTurn(workspace, () -> BulkMessages.queue(outbound, reusedKeys, workspace, request));
    }

    @PostMapping("/{messageId}/read")
    @Operation(summary = "Mark a customer's message read (they see blue ticks)")
    @ApiResponse(responseCode = "204", description = "Marked read")
    @ApiResponse(responseCode = "409", description = "`not-an-inbound-message`")
    @ApiResponse(responseCode = "502", description = "`graph-refused`")
    ResponseEntity<Void> markRead(WorkspaceId workspace, @PathVariable UUID messageId) {
        return switch (receipts.markRead(workspace, messageId)) {
            case ReadReceipts.Outcome.Marked marked -> ResponseEntity.noContent().build();
            case ReadReceipts.Outcome.NotFound notFound -> throw Refusal.notFound("message " + messageId);
            case ReadReceipts.Outcome.NotACustomersMessage notInbound -> throw Refusal.conflict(
                    "not-an-inbound-message", "Not a customer's message", "only messages a customer sent can be marked read");
            case ReadReceipts.Outcome.MetaRefused refused -> throw new Refusal(Refusal.Kind.UPSTREAM_FAILED, "graph-refused",
                    "Meta refused", refused.detail());
        };
    }

    @RequiresPermission(Permission.CONVERSATIONS_READ)
    @GetMapping("/{messageId}")
    @PersonalDataRead("message.read")
    @Operation(summary = "A message and its delivery status: queued, sent, delivered, read or failed (with errorCode)")
    MessageBody get(WorkspaceId workspace, @PathVariable UUID messageId) {
        return MessageBody.of(queries.message(workspace, messageId), json);
    }
}
