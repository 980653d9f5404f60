package com.maxmysales.whatsapp.webhook;

import com.maxmysales.shared.Permission;
import com.maxmysales.shared.RequiresPermission;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;

/**
 * The operator's dead-letter page: what {@link ParkedWebhookEventController} offers the operator's scripts, for a
 * browser. Retries are htmx posts that answer with the row (or the list) as it is now; without htmx they come back
 * to the page.
 */
@RequiresPermission(Permission.OPERATOR)
@Controller
class ParkedWebhookEventPageController {

    private static final String PAGE = "/operator/webhook-events";

    private final ParkedWebhookEvents parked;

    ParkedWebhookEventPageController(ParkedWebhookEvents parked) {
        this.parked = parked;
    }

    @GetMapping(PAGE)
    String page(Model model) {
        return list(model, null);
    }

    @PostMapping(PAGE + "/{id}/retry")
    String retry(@PathVariable long id, @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        var queued = parked.retry(id) == 1;
        if (htmx == null) {
            return "redirect:" + PAGE;
        }
        model.addAttribute("id", id);
        model.addAttribute("queued", queued);
        return "operator/retried-row";
    }

    @PostMapping(PAGE + "/retry")
    String retryAll(@RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        var queued = parked.retry(null);
        if (htmx == null) {
            return "redirect:" + PAGE;
        }
        return list(model, queued);
    }

    private String list(Model model, Integer queuedAgain) {
        model.addAttribute("events", parked.list().stream().map(ParkedWebhookEventRow::of).toList());
        model.addAttribute("count", parked.count());
        model.addAttribute("limit", ParkedWebhookEvents.LIST_LIMIT);
        model.addAttribute("queuedAgain", queuedAgain);
        return queuedAgain == null ? "operator/webhook-events" : "operator/parked-list";
    }
}
