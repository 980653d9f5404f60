package com.maxmysales.inbox;

import java.util.UUID;

import com.maxmysales.shared.WorkspaceId;

import org.jspecify.annotations.Nullable;

/**
 * Who looks at the inbox, as far as what they may see: every query and event of the inbox takes one.
 *
 * @param memberId the person, or null for an API key (the business's own systems)
 * @param seesAll every conversation of the workspace; otherwise only unassigned ones and their own
 * @param readsContent message text, previews, names and phones; an analyst sees none of it
 * @param works may assign, label, resolve, snooze and mark read
 */
public record Viewer(WorkspaceId workspace, @Nullable UUID memberId, boolean seesAll, boolean readsContent,
        boolean works) {

    public boolean sees(@Nullable UUID assignee) {
        return seesAll || assignee == null || assignee.equals(memberId);
    }
}
