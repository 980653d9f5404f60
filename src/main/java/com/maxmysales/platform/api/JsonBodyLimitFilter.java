package com.maxmysales.platform.api;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.maxmysales.platform.Refusal;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Holds JSON bodies of the API and the sandbox to {@link #MAX_BYTES}: the largest legitimate one (a bulk of 1,000
 * contacts) is a few hundred kilobytes, and a larger one would only make the server parse and keep it. A declared length over
 * the limit is refused before a byte is read; a chunked body is read up to the limit and refused past it.
 * Uploads (multipart, CSV) have limits of their own.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class JsonBodyLimitFilter extends OncePerRequestFilter {

    static final int MAX_BYTES = 1 << 20;

    private final ProblemResponses problems;

    JsonBodyLimitFilter(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        var type = request.getContentType() == null ? "" : request.getContentType().toLowerCase(Locale.ROOT);
        var path = request.getRequestURI();
        return !(path.startsWith("/api/") || path.startsWith("/sandbox/")) || !(type.startsWith("application/json")
                || type.matches("application/[^;]*\\+json.*"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var declared = request.getContentLengthLong();
        if (declared > MAX_BYTES) {
            refuse(response);
            return;
        }
        if (declared >= 0) {
            chain.doFilter(request, response);
            return;
        }
        var body = request.getInputStream().readNBytes(MAX_BYTES + 1);
        if (body.length > MAX_BYTES) {
            refuse(response);
            return;
        }
        chain.doFilter(new ReplayableBodyRequest(request, body), response);
    }

    private void refuse(HttpServletResponse response) throws IOException {
        problems.write(response, new Refusal(Refusal.Kind.TOO_LARGE, "request-too-large", "Request too large",
                "JSON request bodies are limited to " + MAX_BYTES + " bytes"));
    }
}
