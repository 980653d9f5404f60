package com.maxmysales.optout;

import java.time.Instant;

import com.maxmysales.shared.WorkspaceId;

/**
 * Someone opted out, by whichever channel. For counting only: no contact.
 *
 * @param key the same for the same request delivered twice (the consent act's key), so it is counted once
 */
public record OptOutRecorded(WorkspaceId workspaceId, OptOutChannel channel, String key, Instant at) {
}
