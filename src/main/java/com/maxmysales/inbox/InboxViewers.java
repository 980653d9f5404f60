package com.maxmysales.inbox;

import com.maxmysales.shared.Permission;
import com.maxmysales.tenancy.ApiKeyPrincipal;
import com.maxmysales.tenancy.BusinessUserPrincipal;
import com.maxmysales.tenancy.Role;
import com.maxmysales.tenancy.WorkspaceMember;

import org.springframework.stereotype.Service;

/**
 * What a caller may see of the inbox. Owners and admins see every conversation; agents unassigned ones and their own
 * unless the workspace lets them see all; analysts every conversation but no content (no text, preview, name or
 * phone). An API key acts for the business's systems, not a person: it sees every conversation its role may read.
 */
@Service
public class InboxViewers {

    private final WorkspaceInboxSettings settings;

    InboxViewers(WorkspaceInboxSettings settings) {
        this.settings = settings;
    }

    public Viewer of(WorkspaceMember caller) {
        var role = caller.role();
        var content = role.allows(Permission.CONVERSATIONS_READ);
        var works = content && role.allows(Permission.MESSAGES_SEND);
        return switch (caller) {
            case ApiKeyPrincipal key -> new Viewer(key.workspaceId(), null, true, content, works);
            case BusinessUserPrincipal person -> new Viewer(person.workspaceId(), person.userId(),
                    role != Role.AGENT || settings.of(person.workspaceId()).agentsSeeAll(), content, works);
        };
    }
}
