package com.maxmysales.leads.web;

import com.maxmysales.leads.LeadSource;
import com.maxmysales.leads.LeadsSettings;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** The URL an ad platform must call for a source: on the configured public address, else on this request's. */
@Component
class WebhookUrls {

    private final LeadsSettings settings;

    WebhookUrls(LeadsSettings settings) {
        this.settings = settings;
    }

    String of(LeadSource source) {
        var base = settings.publicBaseUrl().isBlank() ? ServletUriComponentsBuilder.fromCurrentContextPath().toUriString()
                : settings.publicBaseUrl().replaceAll("/+$", "");
        // Google's URL names its source, so a key only ever opens its own source.
        return LeadSource.GOOGLE.equals(source.type()) ? base + "/webhooks/leads/google?source=" + source.id()
                : base + "/webhooks/meta";
    }
}
