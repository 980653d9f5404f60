package com.maxmysales.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.maxmysales.tenancy.BusinessUserPrincipal;
import com.maxmysales.tenancy.SignedInMembers;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Serves each request of a signed-in person as who they are now, not as who they were at login: a disabled or
 * removed member's session is ended and the request treated as anonymous, and a changed role applies at once.
 * (Their sessions are also deleted when the change is made; this covers a request that raced it.)
 */
class CurrentMemberFilter extends OncePerRequestFilter {

    private final SignedInMembers members;

    CurrentMemberFilter(SignedInMembers members) {
        this.members = members;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof BusinessUserPrincipal signedIn) {
            var current = members.current(signedIn);
            if (current.isEmpty()) {
                SecurityContextHolder.clearContext();
                var session = request.getSession(false);
                if (session != null) {
                    session.invalidate();
                }
            } else if (current.get().role() != signedIn.role()) {
                var context = SecurityContextHolder.createEmptyContext();
                context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(current.get(), null,
                        current.get().getAuthorities()));
                SecurityContextHolder.setContext(context);
            }
        }
        chain.doFilter(request, response);
    }
}
