package com.maxmysales.tenancy;

import java.time.Instant;
import java.time.ZoneId;

import com.maxmysales.shared.WorkspaceId;

/**
 * A business using the platform.
 *
 * @param defaultRegion the ISO country whose numbering plan a phone number without +country code is read in
 * @param dataRegion where this workspace's data is processed, for the transfers section of the compliance report
 * @param timeZone what its pages show times in and count "today" by: its own, else the install's default
 */
public record Workspace(WorkspaceId id, String name, String defaultRegion, String dataRegion, Instant createdAt,
        ZoneId timeZone) {
}
