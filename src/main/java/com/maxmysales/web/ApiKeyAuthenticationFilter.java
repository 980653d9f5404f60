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
        apiKeys.authenticate(BearerToken.of(request)).ifPresent(principal -> {
            var context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(new ApiKeyAuthentication(principal));
            SecurityContextHolder.setContext(context);
        });
        chain.doFilter(request, response);
    }
}
