package com.maxmysales.web;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.maxmysales.tenancy.AdminToken;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/** Authenticates the operator by {@code Authorization: Bearer <maxmysales.admin-token>}. */
class AdminTokenFilter extends OncePerRequestFilter {

    static final String OPERATOR = "ROLE_OPERATOR";

    private final AdminToken adminToken;

    AdminTokenFilter(AdminToken adminToken) {
        this.adminToken = adminToken;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (adminToken.matches(BearerToken.of(request))) {
            var context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("operator", null,
                    List.of(new SimpleGrantedAuthority(OPERATOR))));
            SecurityContextHolder.setContext(context);
        }
        chain.doFilter(request, response);
    }
}
