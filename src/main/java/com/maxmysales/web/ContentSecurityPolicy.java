package com.maxmysales.web;

/**
 * Scripts come only from us and, once a visitor accepts analytics cookies, from the two analytics
 * providers an operator may configure; no inline script runs anywhere.
 */
final class ContentSecurityPolicy {

    static final String DIRECTIVES = String.join("; ",
            "default-src 'self'",
            "script-src 'self' https://www.googletagmanager.com https://connect.facebook.net",
            "connect-src 'self' https://www.google-analytics.com https://*.google-analytics.com https://www.facebook.com",
            "img-src 'self' data: https://www.google-analytics.com https://www.facebook.com",
            "style-src 'self' 'unsafe-inline'",
            "frame-ancestors 'none'",
            "form-action 'self'",
            "base-uri 'self'");

    private ContentSecurityPolicy() {
    }
}
