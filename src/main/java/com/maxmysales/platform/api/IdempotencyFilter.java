package com.maxmysales.platform.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.maxmysales.platform.Refusal;

import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Makes every {@code POST /api/v1/...} that carries an {@code Idempotency-Key} safe to retry: the first
 * attempt runs and its answer is remembered; a retry with the same key and body gets that answer again
 * ({@code Idempotent-Replayed: true}) without running anything; the same key with another body is refused.
 * Runs after Spring Security, so the key is scoped to the authenticated caller (an API key or a person).
 */
@Component
@Order(10)
class IdempotencyFilter extends OncePerRequestFilter {

    static final String HEADER = "Idempotency-Key";
    private static final Pattern VALID_KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");
    private static final int MAX_BODY_BYTES = JsonBodyLimitFilter.MAX_BYTES;

    private final IdempotencyRecords records;
    private final ProblemResponses problems;

    IdempotencyFilter(IdempotencyRecords records, ProblemResponses problems) {
        this.records = records;
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        var path = request.getRequestURI();
        return !"POST".equals(request.getMethod())
                || request.getHeader(HEADER) == null
                || !path.startsWith("/api/v1/")
                || path.startsWith("/api/v1/admin/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || authentication instanceof AnonymousAuthenticationToken) {
            chain.doFilter(request, response);
            return;
        }
        var key = request.getHeader(HEADER);
        if (!VALID_KEY.matcher(key).matches()) {
            problems.write(response, Refusal.invalid("invalid-idempotency-key", "Invalid Idempotency-Key",
                    "Idempotency-Key must be 1 to 255 visible ASCII characters"));
            return;
        }
        var body = request.getInputStream().readNBytes(MAX_BODY_BYTES + 1);
        if (body.length > MAX_BODY_BYTES) {
            problems.write(response, new Refusal(Refusal.Kind.TOO_LARGE, "request-too-large", "Request too large",
                    "request bodies are limited to " + MAX_BODY_BYTES + " bytes"));
            return;
        }
        var scope = authentication.getName();
        switch (records.begin(scope, key, fingerprint(request, authentication, body))) {
            case IdempotencyRecords.Begin.Started started -> runFirstAttempt(request, response, chain, scope, key, body);
            case IdempotencyRecords.Begin.Replay replay -> {
                response.setStatus(replay.status());
                if (replay.contentType() != null) {
                    response.setContentType(replay.contentType());
                }
                response.setHeader("Idempotent-Replayed", "true");
                response.getOutputStream().write(replay.body());
            }
            case IdempotencyRecords.Begin.InProgress inProgress -> {
                response.setHeader("Retry-After", "1");
                problems.write(response, Refusal.conflict("idempotency-key-in-use", "Request in progress",
                        "a request with this Idempotency-Key is still being processed; retry shortly"));
            }
            case IdempotencyRecords.Begin.Mismatch mismatch ->
                    problems.write(response, Refusal.unprocessable("idempotency-key-reused",
                            "Idempotency-Key reused", "this Idempotency-Key was used for a different request"));
        }
    }

    private void runFirstAttempt(HttpServletRequest request, HttpServletResponse response, FilterChain chain,
            String scope, String key, byte[] body) throws IOException, ServletException {
        var captured = new ContentCachingResponseWrapper(response);
        var completed = false;
        try {
            chain.doFilter(new ReplayableBodyRequest(request, body), captured);
            // A server error is not an answer worth repeating, nor "too many at once" (429): the client may retry and
            // succeed with the same key.
            if (captured.getStatus() < 500 && captured.getStatus() != HttpStatus.TOO_MANY_REQUESTS.value()) {
                records.complete(scope, key, captured.getStatus(), captured.getContentType(),
                        captured.getContentAsByteArray());
                completed = true;
            }
        } finally {
            if (!completed) {
                records.abandon(scope, key);
            }
            captured.copyBodyToResponse();
        }
    }

    /**
     * What a retry must repeat to be handed the first answer: the request, and what its caller may do. Keys are
     * scoped to the caller (one API key, one person), so an answer that carried a secret shown once is never handed
     * to another key; a caller whose role changed meanwhile does not match either.
     */
    private static byte[] fingerprint(HttpServletRequest request, Authentication caller, byte[] body) {
        try {
            var digest = MessageDigest.getInstance("SHA-256");
            digest.update((request.getMethod() + ' ' + request.getRequestURI() + '\n').getBytes(StandardCharsets.UTF_8));
            var authorities = caller.getAuthorities().stream().map(GrantedAuthority::getAuthority).sorted().toList();
            digest.update((String.join(",", authorities) + '\n').getBytes(StandardCharsets.UTF_8));
            return digest.digest(body);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
