package com.maxmysales.sandbox.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.web.csrf.CsrfToken;

/**
 * The CSRF token that the simulator's forms and htmx requests of a signed-in member carry, as the app's pages
 * do; all null when there is none (a caller with an API key needs none).
 */
public record FormToken(String parameter, String header, String token) {

    static FormToken of(HttpServletRequest request) {
        var csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        return csrf == null ? new FormToken(null, null, null)
                : new FormToken(csrf.getParameterName(), csrf.getHeaderName(), csrf.getToken());
    }

    /** The header every htmx request sends, as the JSON htmx reads from {@code hx-headers}. */
    public String htmxHeaders() {
        return token == null ? null : "{\"" + header + "\": \"" + token + "\"}";
    }
}
