package com.maxmysales.platform.api;

import java.io.IOException;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request an id that appears in each log line it causes and in the {@code X-Request-Id}
 * response header, so a user's report can be matched to the logs. A caller's own id is kept when it is
 * a plain token; anything else is replaced, so a header cannot inject text into the logs. The error page of a
 * failed request (its error dispatch) keeps the request's id, so the id it shows is the one in the logs.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestIdFilter extends OncePerRequestFilter {

    static final String HEADER = "X-Request-Id";
    private static final String ATTRIBUTE = RequestIdFilter.class.getName() + ".id";
    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._-]{8,64}");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var id = request.getAttribute(ATTRIBUTE) instanceof String known ? known : newId(request.getHeader(HEADER));
        request.setAttribute(ATTRIBUTE, id);
        MDC.put(RequestIds.MDC_KEY, id);
        response.setHeader(HEADER, id);
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove(RequestIds.MDC_KEY);
        }
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    /**
     * An id that only needs to be unique, not unguessable: a random UUID's 122 bits from the thread's own generator
     * rather than {@link UUID#randomUUID()}'s SecureRandom, which every request on every thread took a shared lock
     * (and, by default, a read of /dev/urandom) for.
     */
    private static String newId(String offered) {
        if (offered != null && SAFE_ID.matcher(offered).matches()) {
            return offered;
        }
        var random = ThreadLocalRandom.current();
        var high = random.nextLong() & ~0xF000L | 0x4000L;
        var low = random.nextLong() & 0x3FFFFFFFFFFFFFFFL | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }
}
