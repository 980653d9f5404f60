package com.maxmysales.platform.api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
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
 * Refuses a query string that is not percent-encoded UTF-8 ({@code ?q=%FF}, {@code ?q=%C3%28}, {@code ?q=%ZZ}),
 * or that Tomcat cannot read for another reason (more parameters than {@code server.tomcat.max-parameter-count}),
 * and a form body that is not UTF-8, and a parameter holding a NUL character, with a {@code 400} problem, on every
 * path. Tomcat would otherwise fail wherever a parameter is first read — in a
 * security filter, an argument resolver, a controller — and the caller saw a {@code 500}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class QueryStringFilter extends OncePerRequestFilter {

    private final ProblemResponses problems;

    QueryStringFilter(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!isPercentEncodedUtf8(request.getQueryString()) || !parametersReadable(request)) {
            problems.write(response, Refusal.invalid("malformed-query", "Malformed query string",
                    "the query string and a form body must be percent-encoded UTF-8, with at most as many parameters as "
                            + "the server reads"));
            return;
        }
        chain.doFilter(request, response);
    }

    /**
     * Reads the parameters here, where a failure can still be answered. A form body is read too (Spring Security
     * and MVC read it as parameters anyway), except on webhooks, which authenticate the raw body; multipart
     * requests are left to their reader, which holds the upload limits.
     */
    private static boolean parametersReadable(HttpServletRequest request) {
        var type = request.getContentType() == null ? "" : request.getContentType().toLowerCase(Locale.ROOT);
        var rawBody = request.getRequestURI().startsWith("/webhooks/");
        if (type.startsWith("multipart/") || rawBody && type.startsWith("application/x-www-form-urlencoded")) {
            return true;
        }
        try {
            // PostgreSQL's text cannot hold a NUL character: one in a parameter would fail deep inside a write.
            return request.getParameterMap().values().stream().flatMap(Arrays::stream)
                    .noneMatch(value -> value.indexOf('\u0000') >= 0);
        } catch (IllegalStateException unreadable) {
            return false;
        }
    }

    static boolean isPercentEncodedUtf8(String query) {
        if (query == null) {
            return true;
        }
        var bytes = new ByteArrayOutputStream(query.length());
        for (int i = 0; i < query.length(); i++) {
            var c = query.charAt(i);
            if (c == '%') {
                if (i + 2 >= query.length() || !HexFormat.isHexDigit(query.charAt(i + 1))
                        || !HexFormat.isHexDigit(query.charAt(i + 2))) {
                    return false;
                }
                bytes.write(HexFormat.fromHexDigits(query, i + 1, i + 3));
                i += 2;
            } else if (c <= 0xFF) {
                // Tomcat hands over the raw bytes of the request line as ISO-8859-1: one char per byte.
                bytes.write(c);
            } else {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray()));
            return true;
        } catch (CharacterCodingException notUtf8) {
            return false;
        }
    }
}
