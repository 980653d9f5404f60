package com.maxmysales.web;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.maxmysales.tenancy.OperatorSignIns;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The parts of the operator's browser door ({@link SecurityConfiguration#operatorWeb}): the token check behind the
 * sign-in form, the filter that keeps the door shut without a token configured, and the form's throttle.
 */
final class OperatorWebSecurity {

    static final String SIGN_IN = "/operator/login";
    static final String HOME = "/operator/webhook-events";
    /**
     * Where the operator's session keeps its sign-in: apart from the members' ({@code SPRING_SECURITY_CONTEXT}), so
     * that the operator's session is nobody in the web app and a member's is nobody on the operator's pages, even in
     * one browser.
     */
    static final String CONTEXT_KEY = "MAXMYSALES_OPERATOR_SECURITY_CONTEXT";
    /** The form's field: a token, not a password, so browsers do not offer to save it with an email. */
    static final String TOKEN_FIELD = "token";

    private OperatorWebSecurity() {
    }

    /** Checks the typed token against the admin token; nothing else signs the operator in. */
    record TokenCheck(OperatorSignIns signIns) implements AuthenticationProvider {

        @Override
        public Authentication authenticate(Authentication typed) {
            var token = typed.getCredentials() == null ? null : typed.getCredentials().toString();
            if (!signIns.matches(token)) {
                throw new BadCredentialsException("wrong operator token");
            }
            return UsernamePasswordAuthenticationToken.authenticated("operator", null,
                    List.of(new SimpleGrantedAuthority(AdminTokenFilter.OPERATOR)));
        }

        @Override
        public boolean supports(Class<?> authentication) {
            return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
        }
    }

    /** Stands first on the operator's paths: without an admin token there are no such pages (404, as the admin API). */
    static final class Off extends OncePerRequestFilter {

        private final OperatorSignIns signIns;

        Off(OperatorSignIns signIns) {
            this.signIns = signIns;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if (!signIns.enabled()) {
                response.sendError(HttpServletResponse.SC_NOT_FOUND);
                return;
            }
            chain.doFilter(request, response);
        }
    }

    /**
     * Stands before the token check, after the CSRF check (so no other site's form can spend the operator's tries):
     * a sign-in from a throttled address is refused before its token is looked at.
     */
    static final class Throttle extends OncePerRequestFilter {

        private final OperatorSignIns signIns;

        Throttle(OperatorSignIns signIns) {
            this.signIns = signIns;
        }

        @Override
        protected boolean shouldNotFilter(HttpServletRequest request) {
            return !"POST".equals(request.getMethod()) || !SIGN_IN.equals(request.getServletPath());
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if (!signIns.mayTry(request.getRemoteAddr())) {
                response.sendRedirect(request.getContextPath() + SIGN_IN + "?throttled");
                return;
            }
            chain.doFilter(request, response);
        }
    }
}
