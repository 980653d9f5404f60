package com.maxmysales.inbox;

import java.util.UUID;

import com.maxmysales.platform.Refusal;
import com.maxmysales.shared.WorkspaceId;
import com.maxmysales.tenancy.WorkspaceManagement;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** Team members' names for the thread: who wrote a note. */
@Component
class NoteAuthors {

    private final WorkspaceManagement workspaces;

    NoteAuthors(WorkspaceManagement workspaces) {
        this.workspaces = workspaces;
    }

    String of(WorkspaceId workspace, @Nullable UUID member) {
        if (member == null) {
            return "API";
        }
        try {
            return workspaces.member(workspace, member).displayName();
        } catch (Refusal gone) {
            return "a former member";
        }
    }
}
