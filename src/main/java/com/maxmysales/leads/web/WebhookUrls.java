package com.maxmysales.leads.web;

import com.maxmysales.leads.LeadSource;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The URL an ad platform must call for a source: on the platform's public address
 * ({@code maxmysales.public-url}) when one is configured, else on the address this request came to.
 */
@Component
class WebhookUrls {

    private final String publicUrl;

    WebhookUrls(@Value("${maxmysales.public-url:}") String publicUrl) {
        this.publicUrl = publicUrl;
    }

    String of(LeadSource source) {
        var base = publicUrl.isBlank() ? ServletUriComponentsBuilder.fromCurrentContextPath().toUriString()
                : publicUrl.replaceAll("/+$", "");
        // Google's URL names its source, so a key only ever opens its own source.
        // Click-to-WhatsApp ad leads arrive as WhatsApp messages.
        return switch (source.type()) {
            case LeadSource.GOOGLE -> base + "/webhooks/leads/google?source=" + source.id();
            case LeadSource.CLICK_TO_WHATSAPP -> base + "/webhooks/whatsapp";
            default -> base + "/webhooks/meta";
        };
    }
}
