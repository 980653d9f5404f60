package com.maxmysales.whatsapp.webhook;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;

import com.maxmysales.platform.ApiProblem;
import com.maxmysales.whatsapp.MetaWebhookAuthentication;
import com.maxmysales.whatsapp.WhatsAppSettings;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Meta's webhook. The POST does the least that makes an event safe: check the signature on the raw bytes,
 * check it is JSON, store it (group-committed with concurrent ones), answer 200. Everything else happens in {@link WebhookProcessor}.
 */
@RestController
@RequestMapping("/webhooks/whatsapp")
@Tag(name = "Webhooks", description = "Called by Meta, authenticated by X-Hub-Signature-256")
class WebhookController {

    private final WhatsAppSettings settings;
    private final MetaWebhookAuthentication authentication;
    private final InboxWriter inbox;
    private final WebhookProcessor processor;

    WebhookController(WhatsAppSettings settings, MetaWebhookAuthentication authentication, InboxWriter inbox,
            WebhookProcessor processor) {
        this.settings = settings;
        this.authentication = authentication;
        this.inbox = inbox;
        this.processor = processor;
    }

    @GetMapping(produces = MediaType.TEXT_PLAIN_VALUE)
    @Operation(summary = "Meta's subscription check: echoes hub.challenge when hub.verify_token matches")
    ResponseEntity<String> verify(@RequestParam(name = "hub.mode", required = false) String mode,
            @RequestParam(name = "hub.verify_token", required = false) String token,
            @RequestParam(name = "hub.challenge", required = false) String challenge) {
        if (!authentication.verifies(mode, token) || challenge == null) {
            return ResponseEntity.status(HttpStatus.FORBIDDEN).build();
        }
        return ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).body(challenge);
    }

    @PostMapping
    @Operation(summary = "Meta's event notifications: 200 once durably stored")
    ResponseEntity<Void> receive(HttpServletRequest request,
            @RequestHeader(name = "X-Hub-Signature-256", required = false) String signatureHeader)
            throws IOException, InterruptedException {
        var max = settings.webhookMaxBytes();
        if (request.getContentLengthLong() > max) {
            throw tooLarge(max);
        }
        var body = request.getInputStream().readNBytes(max + 1);
        if (body.length > max) {
            throw tooLarge(max);
        }
        if (!authentication.signatureMatches(body, signatureHeader)) {
            throw new ApiProblem(HttpStatus.UNAUTHORIZED, "invalid-signature", "Invalid signature",
                    "X-Hub-Signature-256 is missing or is not the app secret's HMAC-SHA256 of this body");
        }
        if (!JsonCheck.isJsonObject(body)) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "malformed-request", "Malformed request",
                    "the body is not a JSON object");
        }
        if (inbox.store(body)) {
            processor.wake();
        }
        return ResponseEntity.ok().build();
    }

    private static ApiProblem tooLarge(int max) {
        return new ApiProblem(HttpStatus.CONTENT_TOO_LARGE, "request-too-large", "Request too large",
                "webhook bodies are limited to " + max + " bytes");
    }
}
