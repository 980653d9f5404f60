package com.maxmysales.tenancy;

import java.util.Optional;

import com.maxmysales.privacy.spi.Actor;
import com.maxmysales.privacy.spi.RequestActors;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** Names the caller of the current request for the audit log: a business user, an API key or the operator, by id. */
@Component
class AuthenticatedActors implements RequestActors {

    private static final String OPERATOR_AUTHORITY = "ROLE_OPERATOR";

    @Override
    public Optional<Actor> current() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()) {
            return Optional.empty();
        }
        return switch (authentication.getPrincipal()) {
            case BusinessUserPrincipal user -> Optional.of(new Actor(user.workspaceId(), "user:" + user.userId()));
            case ApiKeyPrincipal key -> Optional.of(new Actor(key.workspaceId(), "api-key:" + key.keyId()));
            default -> authentication.getAuthorities().stream()
                    .anyMatch(authority -> OPERATOR_AUTHORITY.equals(authority.getAuthority()))
                    ? Optional.of(new Actor(null, "operator")) : Optional.empty();
        };
    }
}
