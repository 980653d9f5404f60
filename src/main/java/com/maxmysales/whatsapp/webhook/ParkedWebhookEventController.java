package com.maxmysales.whatsapp.webhook;

import java.util.List;

import com.maxmysales.platform.Refusal;
import com.maxmysales.shared.Permission;
import com.maxmysales.shared.RequiresPermission;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

@RequiresPermission(Permission.OPERATOR)
@RestController
@Tag(name = "Operator", description = "Operator-only endpoints, authenticated by maxmysales.admin-token")
class ParkedWebhookEventController {

    private final ParkedWebhookEvents parked;

    ParkedWebhookEventController(ParkedWebhookEvents parked) {
        this.parked = parked;
    }

    record Retried(int retried) {}

    @GetMapping("/api/v1/admin/webhook-events/parked")
    @Operation(summary = "Webhook events that kept failing (dead letters), oldest first, with their last error")
    List<WebhookInbox.Parked> list() {
        return parked.list();
    }

    @PostMapping("/api/v1/admin/webhook-events/{id}/retry")
    @Operation(summary = "Retry one parked webhook event now, with a fresh set of attempts")
    Retried retry(@PathVariable long id) {
        var retried = parked.retry(id);
        if (retried == 0) {
            throw Refusal.notFound("parked webhook event " + id);
        }
        return new Retried(retried);
    }

    @PostMapping("/api/v1/admin/webhook-events/parked/retry")
    @Operation(summary = "Retry every parked webhook event now")
    Retried retryAll() {
        return new Retried(parked.retry(null));
    }
}
