package com.maxmysales.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param googleAnalyticsId a GA4 measurement id (G-...); its script loads only for visitors who accepted analytics cookies
 * @param metaPixelId a Meta Pixel id; likewise only after consent
 */
@ConfigurationProperties("maxmysales.web.analytics")
record WebSettings(@DefaultValue("") String googleAnalyticsId, @DefaultValue("") String metaPixelId) {

    boolean anyAnalytics() {
        return !googleAnalyticsId.isBlank() || !metaPixelId.isBlank();
    }
}
