package com.maxmysales.privacy.spi;

import java.time.Instant;

import com.maxmysales.shared.WorkspaceId;

/**
 * One retention class's purge of one workspace, as a {@link PersonalDataHolder} receives it.
 *
 * @param cutoff what ended (a conversation) before this instant is due
 * @param holds records to skip, however old
 * @param dryRun count what would go and change nothing
 */
public record Purge(WorkspaceId workspace, Instant cutoff, Holds holds, boolean dryRun) {
}
