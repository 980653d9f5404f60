package com.maxmysales.leads.webhook;

import java.io.IOException;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import com.maxmysales.leads.LeadIntake;
import com.maxmysales.leads.LeadsSettings;
import com.maxmysales.platform.ClientRefusals;
import com.maxmysales.platform.Refusal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Google Ads lead forms post each lead here; the {@code google_key} in the body is the only credential. */
@RestController
@Tag(name = "Webhooks")
class GoogleLeadWebhookController {

    private final LeadIntake intake;
    private final LeadsSettings settings;
    private final ClientRefusals refusals;

    GoogleLeadWebhookController(LeadIntake intake, LeadsSettings settings, ClientRefusals refusals) {
        this.intake = intake;
        this.settings = settings;
        this.refusals = refusals;
    }

    @PostMapping("/webhooks/leads/google")
    @Operation(summary = "Google Ads lead form webhook: 200 once the lead is stored (again 200 for a lead already "
            + "stored); 401 without google_key, 403 with a wrong one, 400 not JSON or no lead_id; nothing is stored "
            + "on refusal; 429 after too many refusals from the same address")
    Map<String, Object> receive(HttpServletRequest request, @RequestParam(name = "source", required = false) UUID source)
            throws IOException {
        refusals.requireNotLocked("google-leads", request.getRemoteAddr());
        var max = settings.webhookMaxBytes();
        var body = request.getInputStream().readNBytes(max + 1);
        if (body.length > max) {
            throw new Refusal(Refusal.Kind.TOO_LARGE, "request-too-large", "Request too large",
                    "lead webhooks are limited to " + max + " bytes");
        }
        return switch (intake.acceptGoogle(body, source)) {
            case STORED, DUPLICATE -> Map.of();
            case MISSING_KEY -> throw refused(request, new Refusal(Refusal.Kind.UNAUTHENTICATED, "missing-google-key",
                    "Missing google_key",
                    "the body has no google_key: set the key of your lead source in the Google Ads lead form"));
            case WRONG_KEY -> throw refused(request, new Refusal(Refusal.Kind.FORBIDDEN, "invalid-google-key",
                    "Invalid google_key", "no lead source has this google_key"));
            case MALFORMED -> throw Refusal.invalid("malformed-request", "Malformed request",
                    "the body is not a JSON object");
            case NO_LEAD_ID -> throw Refusal.invalid("missing-lead-id", "Missing lead_id",
                    "a lead needs its lead_id: it is what makes a redelivery harmless");
        };
    }

    private Refusal refused(HttpServletRequest request, Refusal refusal) {
        refusals.refused("google-leads", request.getRemoteAddr());
        return refusal;
    }
}
