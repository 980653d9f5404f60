package com.maxmysales.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.maxmysales.tenancy.ApiKeyAuthentication;
import com.maxmysales.tenancy.ApiKeyManagement;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/** Authenticates {@code /api/v1/**} by {@code Authorization: Bearer <workspace API key>}. */
class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

    private final ApiKeyManagement apiKeys;

    ApiKeyAuthenticationFilter(ApiKeyManagement apiKeys) {
        this.apiKeys = apiKeys;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var bearer = BearerToken.of(request);
        if (bearer != null) {
            // A request that carries a key is judged by that key alone: a wrong one never falls back to a session
            // (which would then act without the CSRF token its bearer header excused it from).
            var context = SecurityContextHolder.createEmptyContext();
            apiKeys.authenticate(bearer).ifPresent(principal -> context.setAuthentication(new ApiKeyAuthentication(principal)));
            SecurityContextHolder.setContext(context);
        }
        chain.doFilter(request, response);
    }
}
