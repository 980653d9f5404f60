package com.maxmysales.sandbox.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.maxmysales.sandbox.GraphError;
import com.maxmysales.sandbox.GraphErrorBody;
import com.maxmysales.sandbox.MetaError;

import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Graph API wants an access token on every call, as a bearer header or an {@code access_token}
 * parameter. The sandbox takes any non-empty one: it checks that the platform sends its token, not which.
 */
class GraphAccessTokenFilter extends OncePerRequestFilter {

    private final JsonMapper json;

    GraphAccessTokenFilter(JsonMapper json) {
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (hasToken(request)) {
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(MetaError.ACCESS_TOKEN.status().value());
        response.setHeader("WWW-Authenticate", "OAuth \"Facebook Platform\" \"invalid_token\" \"Invalid OAuth access token\"");
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        json.writeValue(response.getOutputStream(), GraphErrorBody.of(GraphError.of(MetaError.ACCESS_TOKEN)));
    }

    private static boolean hasToken(HttpServletRequest request) {
        var header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) && !header.substring(7).isBlank()) {
            return true;
        }
        var parameter = request.getParameter("access_token");
        return parameter != null && !parameter.isBlank();
    }
}
