package com.maxmysales.integrations.web;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import com.maxmysales.integrations.Subscription;
import com.maxmysales.integrations.Subscriptions;
import com.maxmysales.platform.Refusal;
import com.maxmysales.shared.Permission;
import com.maxmysales.shared.RequiresPermission;
import com.maxmysales.tenancy.BusinessUserPrincipal;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Outbound webhooks in the web app: subscribe an endpoint (its signing secret is shown once, on the page that made
 * it), stop one, read its delivery log and send a delivery again.
 */
@Controller
@RequiresPermission(Permission.WEBHOOKS_MANAGE)
class WebhookPages {

    private static final String WEBHOOKS = "/app/settings/webhooks";

    private final Subscriptions subscriptions;

    WebhookPages(Subscriptions subscriptions) {
        this.subscriptions = subscriptions;
    }

    @GetMapping(WEBHOOKS)
    String webhooks(@AuthenticationPrincipal BusinessUserPrincipal user, Model model) {
        return render(user, model, null, null, "");
    }

    @PostMapping(WEBHOOKS)
    String subscribe(@AuthenticationPrincipal BusinessUserPrincipal user, @RequestParam String url,
            @RequestParam(required = false) String[] events, HttpServletResponse response, Model model) {
        try {
            var created = subscriptions.create(user.workspaceId(), url.strip(),
                    events == null ? List.of() : Arrays.asList(events));
            return render(user, model, created.secret().reveal(), null, "");
        } catch (Refusal refused) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return render(user, model, null, refused.getMessage(), url);
        }
    }

    @PostMapping(WEBHOOKS + "/{subscriptionId}/stop")
    String stop(@AuthenticationPrincipal BusinessUserPrincipal user, @PathVariable UUID subscriptionId) {
        subscriptions.disable(user.workspaceId(), subscriptionId);
        return "redirect:" + WEBHOOKS;
    }

    @GetMapping(WEBHOOKS + "/{subscriptionId}")
    String deliveries(@AuthenticationPrincipal BusinessUserPrincipal user, @PathVariable UUID subscriptionId,
            Model model) {
        return renderLog(user, subscriptionId, model, null);
    }

    @PostMapping(WEBHOOKS + "/{subscriptionId}/deliveries/{deliveryId}/retry")
    String retry(@AuthenticationPrincipal BusinessUserPrincipal user, @PathVariable UUID subscriptionId,
            @PathVariable UUID deliveryId, HttpServletResponse response, Model model, RedirectAttributes redirect) {
        try {
            subscriptions.retry(user.workspaceId(), subscriptionId, deliveryId);
            redirect.addFlashAttribute("retried", deliveryId.toString());
            return "redirect:" + WEBHOOKS + "/" + subscriptionId;
        } catch (Refusal refused) {
            if (refused.kind() == Refusal.Kind.NOT_FOUND) {
                throw refused;
            }
            response.setStatus(HttpStatus.CONFLICT.value());
            return renderLog(user, subscriptionId, model, refused.getMessage());
        }
    }

    private String render(BusinessUserPrincipal user, Model model, @Nullable String secret, @Nullable String error,
            String url) {
        model.addAttribute("subscriptions", subscriptions.list(user.workspaceId()));
        model.addAttribute("events", Subscription.EVENTS);
        model.addAttribute("secret", secret);
        model.addAttribute("error", error);
        model.addAttribute("url", url);
        return "integrations/webhooks";
    }

    private String renderLog(BusinessUserPrincipal user, UUID subscriptionId, Model model, @Nullable String error) {
        var subscription = subscriptions.list(user.workspaceId()).stream()
                .filter(existing -> existing.id().equals(subscriptionId)).findFirst()
                .orElseThrow(() -> Refusal.notFound("webhook subscription " + subscriptionId));
        model.addAttribute("subscription", subscription);
        model.addAttribute("deliveries", subscriptions.deliveries(user.workspaceId(), subscriptionId));
        model.addAttribute("error", error);
        if (!model.containsAttribute("retried")) {
            model.addAttribute("retried", null);
        }
        return "integrations/deliveries";
    }
}
