package com.maxmysales.tenancy;

import java.time.Clock;
import java.util.UUID;

import com.maxmysales.platform.Cursor;
import com.maxmysales.platform.CursorPage;
import com.maxmysales.platform.Refusal;
import com.maxmysales.shared.WorkspaceId;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creating workspaces and reading them and their members. */
@Service
public class WorkspaceManagement {

    private final Workspaces workspaces;
    private final BusinessUsers users;
    private final ApiKeyManagement apiKeys;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    WorkspaceManagement(Workspaces workspaces, BusinessUsers users, ApiKeyManagement apiKeys,
            ApplicationEventPublisher events, Clock clock) {
        this.workspaces = workspaces;
        this.users = users;
        this.apiKeys = apiKeys;
        this.events = events;
        this.clock = clock;
    }

    /** The operator's path: a workspace with a first API key and no users yet. */
    @Transactional
    public NewWorkspace createWithApiKey(String name) {
        var id = create(name, false);
        return new NewWorkspace(id, apiKeys.create(id, "Created by the operator", null));
    }

    @Transactional
    WorkspaceId create(String name, boolean demo) {
        var label = name == null ? "" : name.strip();
        if (label.isEmpty() || label.length() > 120) {
            throw Refusal.invalid("invalid-request", "Invalid request",
                    "name must be 1 to 120 characters");
        }
        var id = new WorkspaceId(UUID.randomUUID());
        workspaces.insert(id, label, clock.instant());
        events.publishEvent(new WorkspaceCreated(id, demo));
        return id;
    }

    public Workspace get(WorkspaceId id) {
        return workspaces.find(id).orElseThrow(() -> Refusal.notFound("workspace"));
    }

    /**
     * Renames the workspace, sets the time zone its pages count "today" in and the country a phone number without a
     * +country code is read in. Every value is checked before anything is written.
     */
    @Transactional
    public Workspace change(WorkspaceId id, WorkspaceProfile asked) {
        var current = get(id);
        var name = asked.name() == null ? current.name() : asked.name().strip();
        if (name.isEmpty() || name.length() > 120) {
            throw Refusal.invalid("invalid-request", "Invalid request", "name must be 1 to 120 characters");
        }
        var zone = asked.timeZone() == null ? current.timeZone() : WorkspaceProfile.zone(asked.timeZone());
        var region = asked.defaultRegion() == null ? current.defaultRegion()
                : WorkspaceProfile.region(asked.defaultRegion());
        workspaces.update(id, name, zone, region);
        return get(id);
    }

    public CursorPage<Member> members(WorkspaceId workspace, String cursor, Integer limit) {
        var size = CursorPage.limit(limit);
        return CursorPage.of(users.page(workspace, Cursor.decode(cursor), size + 1), size, member -> member.cursor().encode());
    }

    public Member member(WorkspaceId workspace, UUID id) {
        return users.find(workspace, id).orElseThrow(() -> Refusal.notFound("member " + id));
    }

    public record NewWorkspace(WorkspaceId id, NewApiKey apiKey) {}
}
