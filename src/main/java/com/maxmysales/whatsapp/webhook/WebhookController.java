package com.maxmysales.whatsapp.webhook;

import com.maxmysales.whatsapp.MetaWebhookAuthentication;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Meta's subscription check of the webhook URL. The notifications themselves, POSTed to the same URL, are
 * answered by {@link WebhookReceiver} before they reach Spring MVC.
 */
@RestController
@RequestMapping(WebhookReceiver.PATH)
@Tag(name = "Webhooks", description = "Called by Meta, authenticated by X-Hub-Signature-256")
class WebhookController {

    private final MetaWebhookAuthentication authentication;

    WebhookController(MetaWebhookAuthentication authentication) {
        this.authentication = authentication;
    }

    @GetMapping(produces = MediaType.TEXT_PLAIN_VALUE)
    @Operation(summary = "Meta's subscription check: echoes hub.challenge when hub.verify_token matches")
    ResponseEntity<String> verify(@RequestParam(name = "hub.mode", required = false) String mode,
            @RequestParam(name = "hub.verify_token", required = false) String token,
            @RequestParam(name = "hub.challenge", required = false) String challenge) {
        return authentication.verifiedChallenge(mode, token, challenge)
                .map(echo -> ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).body(echo))
                .orElseGet(() -> ResponseEntity.status(HttpStatus.FORBIDDEN).build());
    }
}
