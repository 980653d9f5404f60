package com.maxmysales.support;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.maxmysales.privacy.spi.DataSubject;
import com.maxmysales.privacy.spi.PersonalDataHolder;
import com.maxmysales.privacy.spi.Purge;
import com.maxmysales.privacy.spi.PurgeCount;
import com.maxmysales.shared.WorkspaceId;

/**
 * A module holding nothing whose purge a test can break for the workspaces it names, with an error whose message
 * quotes a phone number, as a database error may quote a value.
 */
public final class FailingHolder implements PersonalDataHolder {

    /** What the failure's message quotes; nothing the platform logs may. */
    public static final String QUOTED_NUMBER = "+919800077665";

    private final Set<WorkspaceId> failing = ConcurrentHashMap.newKeySet();
    private final Set<WorkspaceId> purged = ConcurrentHashMap.newKeySet();

    public void failFor(WorkspaceId workspace) {
        failing.add(workspace);
    }

    public void heal(WorkspaceId workspace) {
        failing.remove(workspace);
    }

    /** Whether a purge of this workspace's content reached this holder and went through. */
    public boolean purged(WorkspaceId workspace) {
        return purged.contains(workspace);
    }

    @Override
    public String category() {
        return "test records";
    }

    @Override
    public List<Map<String, Object>> export(WorkspaceId workspace, DataSubject subject) {
        return List.of();
    }

    @Override
    public int erase(WorkspaceId workspace, DataSubject subject) {
        return 0;
    }

    @Override
    public PurgeCount purgeContent(Purge purge) {
        if (failing.contains(purge.workspace())) {
            throw new IllegalStateException("duplicate key value (phone)=(" + QUOTED_NUMBER + ") violates a constraint");
        }
        purged.add(purge.workspace());
        return PurgeCount.NONE;
    }
}
