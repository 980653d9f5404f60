package com.maxmysales.tenancy;

import java.util.List;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * The security context of an API request. Its name is the workspace id, which is what scopes idempotency keys:
 * all keys of a workspace act as one caller. Its authorities name the key's role too, so that a replayed answer
 * goes only to a key of the same role (see {@code platform.api.IdempotencyFilter}).
 */
public final class ApiKeyAuthentication extends AbstractAuthenticationToken {

    private final ApiKeyPrincipal principal;

    public ApiKeyAuthentication(ApiKeyPrincipal principal) {
        super(List.of(new SimpleGrantedAuthority("ROLE_API"),
                new SimpleGrantedAuthority(principal.role().authority())));
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

    /**
     * The key itself, as a signed-in person's name is that person's id: what a key did with an Idempotency-Key is
     * replayed to that key alone, never to another key of the workspace.
     */
    @Override
    public String getName() {
        return "api-key:" + principal.keyId();
    }
}
