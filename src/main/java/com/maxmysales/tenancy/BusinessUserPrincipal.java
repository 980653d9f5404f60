package com.maxmysales.tenancy;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import com.maxmysales.shared.WorkspaceId;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * A person signed in to the web app. It carries ids and the role only, since sessions are stored in
 * PostgreSQL; the password hash is held only while the login is checked and Spring Security erases it.
 */
public final class BusinessUserPrincipal implements UserDetails, CredentialsContainer, WorkspaceMember {

    private final UUID userId;
    private final WorkspaceId workspaceId;
    private final Role role;
    private String passwordHash;

    public BusinessUserPrincipal(UUID userId, WorkspaceId workspaceId, Role role, String passwordHash) {
        this.userId = userId;
        this.workspaceId = workspaceId;
        this.role = role;
        this.passwordHash = passwordHash;
    }

    public UUID userId() {
        return userId;
    }

    @Override
    public WorkspaceId workspaceId() {
        return workspaceId;
    }

    public Role role() {
        return role;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority(role.authority()));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    /** The user id, not the email: this name is what the session store indexes, and it holds no personal data. */
    @Override
    public String getUsername() {
        return userId.toString();
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    @Override
    public String toString() {
        return "BusinessUser[" + userId + " in " + workspaceId + " as " + role.code() + "]";
    }
}
