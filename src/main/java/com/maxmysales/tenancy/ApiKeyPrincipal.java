package com.maxmysales.tenancy;

import java.util.UUID;

import com.maxmysales.shared.WorkspaceId;

/** A request authenticated by one of a workspace's API keys, acting with the key's role. */
public record ApiKeyPrincipal(UUID keyId, WorkspaceId workspaceId, Role role) implements WorkspaceMember {
}
