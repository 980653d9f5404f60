package com.maxmysales.tenancy;

import com.maxmysales.shared.WorkspaceId;

/** Whoever is authenticated on a request, a person or an API key, always acts inside exactly one workspace. */
public interface WorkspaceMember {

    WorkspaceId workspaceId();
}
