package com.maxmysales.sandbox.web;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.maxmysales.sandbox.GraphError;
import com.maxmysales.sandbox.GraphErrorBody;
import com.maxmysales.sandbox.MetaError;
import com.maxmysales.sandbox.SandboxRegistry;

import org.springframework.http.MediaType;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.preauth.PreAuthenticatedAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Graph API and its media URLs want an access token on every call, as a bearer header or an
 * {@code access_token} parameter, like Meta's. Two kinds act for a workspace here: the token of one of the
 * sandbox's numbers or pages, which only the sandbox knows and checks itself (it is what the platform sends,
 * as it would send a real number's token to Meta), or the workspace's API key, which the platform's security
 * chain checked before this filter ran. Anything else is Meta's 401 with code 190.
 */
class GraphCallerFilter extends OncePerRequestFilter {

    /** A sandbox token acts for its workspace in the sandbox only: no chain but the sandbox's knows it. */
    static final String AUTHORITY = "SANDBOX_TOKEN";

    private final SandboxRegistry registry;
    private final JsonMapper json;

    GraphCallerFilter(SandboxRegistry registry, JsonMapper json) {
        this.registry = registry;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var account = token(request).flatMap(registry::byToken);
        if (account.isPresent()) {
            var context = SecurityContextHolder.createEmptyContext();
            // The principal is the workspace itself: the token stands for no person and no API key.
            context.setAuthentication(new PreAuthenticatedAuthenticationToken(account.get().workspace(), "",
                    List.of(new SimpleGrantedAuthority(AUTHORITY))));
            SecurityContextHolder.setContext(context);
            chain.doFilter(request, response);
            return;
        }
        if (isWorkspaceApiKey(SecurityContextHolder.getContext().getAuthentication())) {
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(MetaError.ACCESS_TOKEN.httpStatus());
        response.setHeader("WWW-Authenticate", "OAuth \"Facebook Platform\" \"invalid_token\" \"Invalid OAuth access token\"");
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        json.writeValue(response.getOutputStream(), GraphErrorBody.of(GraphError.of(MetaError.ACCESS_TOKEN)));
    }

    /** What the platform's chain authenticated on a stateless Graph path can only be an API key. */
    private static boolean isWorkspaceApiKey(Authentication authentication) {
        return authentication != null && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken);
    }

    private static Optional<String> token(HttpServletRequest request) {
        var header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) && !header.substring(7).isBlank()) {
            return Optional.of(header.substring(7).strip());
        }
        var parameter = request.getParameter("access_token");
        return parameter == null || parameter.isBlank() ? Optional.empty() : Optional.of(parameter.strip());
    }
}
