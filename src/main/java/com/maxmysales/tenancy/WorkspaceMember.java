package com.maxmysales.tenancy;

import com.maxmysales.shared.WorkspaceId;

/** Whoever is authenticated on a request, a person or an API key, always acts inside exactly one workspace. */
public sealed interface WorkspaceMember permits BusinessUserPrincipal, ApiKeyPrincipal {

    WorkspaceId workspaceId();

    /** What they may do there: a person's role, or the role an API key was given. */
    Role role();
}
