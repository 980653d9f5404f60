package com.maxmysales.integrations.web;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.maxmysales.integrations.Delivery;
import com.maxmysales.integrations.Subscription;
import com.maxmysales.integrations.Subscriptions;
import com.maxmysales.shared.Permission;
import com.maxmysales.shared.RequiresPermission;
import com.maxmysales.shared.WorkspaceId;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RequiresPermission(Permission.WEBHOOKS_MANAGE)
@RestController
@RequestMapping("/api/v1/webhooks")
@Tag(name = "Outbound webhooks", description = "Your endpoints, told about messages received and statuses changed")
class WebhookSubscriptionController {

    private final Subscriptions subscriptions;

    WebhookSubscriptionController(Subscriptions subscriptions) {
        this.subscriptions = subscriptions;
    }

    record Subscribe(String url, List<String> events) {}

    record Created(UUID id, String url, List<String> events, String secret, Instant createdAt) {}

    @PostMapping
    @Operation(summary = "Subscribe an endpoint",
            description = "Events: message.received, message.status (default both). Each POST carries "
                    + "X-MaxMySales-Signature: sha256=<hex HMAC-SHA256 of the body with the secret>; the secret is "
                    + "shown only in this answer. Non-2xx answers are retried with backoff for about a day.")
    @ApiResponse(responseCode = "201", description = "Subscribed; the signing secret is shown once")
    ResponseEntity<Created> subscribe(WorkspaceId workspace, @RequestBody Subscribe request) {
        var created = subscriptions.create(workspace, request.url(), request.events());
        var subscription = created.subscription();
        return ResponseEntity.created(URI.create("/api/v1/webhooks/" + subscription.id()))
                .cacheControl(CacheControl.noStore())
                .body(new Created(subscription.id(), subscription.url(), subscription.events(), created.secret().reveal(),
                        subscription.createdAt()));
    }

    @GetMapping
    @Operation(summary = "Subscriptions of the workspace")
    List<Subscription> list(WorkspaceId workspace) {
        return subscriptions.list(workspace);
    }

    @DeleteMapping("/{subscriptionId}")
    @Operation(summary = "Stop a subscription (its delivery log stays)")
    @ApiResponse(responseCode = "204", description = "Stopped")
    ResponseEntity<Void> disable(WorkspaceId workspace, @PathVariable UUID subscriptionId) {
        subscriptions.disable(workspace, subscriptionId);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{subscriptionId}/deliveries")
    @Operation(summary = "The delivery log: the latest 200 deliveries with their attempts and outcome")
    List<Delivery> deliveries(WorkspaceId workspace, @PathVariable UUID subscriptionId) {
        return subscriptions.deliveries(workspace, subscriptionId);
    }
}
