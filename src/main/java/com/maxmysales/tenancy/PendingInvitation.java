package com.maxmysales.tenancy;

import java.util.UUID;

import com.maxmysales.shared.WorkspaceId;

/** An invitation to join a workspace that has not been used or expired. */
public record PendingInvitation(UUID id, WorkspaceId workspaceId, String workspaceName, String email, Role role) {
}
