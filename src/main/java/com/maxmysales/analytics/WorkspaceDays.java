package com.maxmysales.analytics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.ConcurrentHashMap;

import com.maxmysales.shared.WorkspaceId;
import com.maxmysales.tenancy.WorkspaceManagement;

import org.springframework.stereotype.Component;

/**
 * The day an instant falls on in a workspace's own time zone: a business counts "Monday" by its clock. The zone is
 * remembered for a minute, as every event needs it and it hardly ever changes.
 */
@Component
class WorkspaceDays {

    private static final Duration REMEMBERED = Duration.ofMinutes(1);

    private record Zone(ZoneId zone, Instant until) {}

    private final WorkspaceManagement workspaces;
    private final Clock clock;
    private final ConcurrentHashMap<WorkspaceId, Zone> zones = new ConcurrentHashMap<>();

    WorkspaceDays(WorkspaceManagement workspaces, Clock clock) {
        this.workspaces = workspaces;
        this.clock = clock;
    }

    LocalDate dayOf(WorkspaceId workspace, Instant at) {
        return at.atZone(zone(workspace)).toLocalDate();
    }

    LocalDate today(WorkspaceId workspace) {
        return dayOf(workspace, clock.instant());
    }

    ZoneId zone(WorkspaceId workspace) {
        var now = clock.instant();
        var known = zones.get(workspace);
        if (known != null && known.until().isAfter(now)) {
            return known.zone();
        }
        var zone = workspaces.get(workspace).timeZone();
        zones.put(workspace, new Zone(zone, now.plus(REMEMBERED)));
        return zone;
    }
}
