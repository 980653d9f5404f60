package com.maxmysales.leads.webhook;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;

import com.maxmysales.leads.LeadIntake;
import com.maxmysales.leads.LeadsSettings;
import com.maxmysales.platform.ClientRefusals;
import com.maxmysales.platform.Refusal;
import com.maxmysales.whatsapp.MetaWebhookAuthentication;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Facebook Page webhooks ({@code leadgen}) of the same Meta app as WhatsApp's: the same verify token and the
 * same app-secret signature. The notification carries ids only; the lead is read from the Graph API later.
 */
@RestController
@RequestMapping("/webhooks/meta")
@Tag(name = "Webhooks")
class MetaPageWebhookController {

    private final MetaWebhookAuthentication authentication;
    private final LeadIntake intake;
    private final LeadsSettings settings;
    private final ClientRefusals refusals;

    MetaPageWebhookController(MetaWebhookAuthentication authentication, LeadIntake intake, LeadsSettings settings,
            ClientRefusals refusals) {
        this.authentication = authentication;
        this.intake = intake;
        this.settings = settings;
        this.refusals = refusals;
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

    @PostMapping
    @Operation(summary = "Page webhooks (leadgen): 200 once stored; 401 bad or missing X-Hub-Signature-256; "
            + "400 not JSON; 429 after too many refusals from the same address")
    ResponseEntity<Void> receive(HttpServletRequest request) throws IOException {
        refusals.requireNotLocked("meta", request.getRemoteAddr());
        byte[] body;
        try {
            body = authentication.signedBody(request.getInputStream(), request.getContentLengthLong(),
                    request.getHeader(MetaWebhookAuthentication.SIGNATURE_HEADER), settings.webhookMaxBytes());
        } catch (Refusal refusal) {
            if (refusal.kind() == Refusal.Kind.UNAUTHENTICATED) {
                refusals.refused("meta", request.getRemoteAddr());
            }
            throw refusal;
        }
        if (intake.acceptLeadgen(body) == null) {
            throw Refusal.invalid("malformed-request", "Malformed request",
                    "the body is not a JSON object");
        }
        return ResponseEntity.ok().build();
    }
}
