package com.maxmysales.tenancy;

import com.maxmysales.shared.WorkspaceId;

/**
 * A workspace now exists. {@code demo} marks the one the platform made for itself on its first run, which
 * the channel module connects to a sandbox number.
 */
public record WorkspaceCreated(WorkspaceId workspaceId, boolean demo) {
}
