package com.maxmysales.tenancy;

import java.util.List;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * The security context of an API request. Its name is the workspace id and the key's role, which is what
 * scopes idempotency keys: all keys of a workspace with the same role act as one caller (a retry survives a key
 * rotation), while a key of a lesser role can never be handed an answer that only a greater one could get.
 */
public final class ApiKeyAuthentication extends AbstractAuthenticationToken {

    private final ApiKeyPrincipal principal;

    public ApiKeyAuthentication(ApiKeyPrincipal principal) {
        super(List.of(new SimpleGrantedAuthority("ROLE_API")));
        this.principal = principal;
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public ApiKeyPrincipal getPrincipal() {
        return principal;
    }

    @Override
    public String getName() {
        return principal.workspaceId() + "/" + principal.role().code();
    }
}
