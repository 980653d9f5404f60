package com.maxmysales.tenancy;

import java.time.Instant;
import java.util.UUID;

/**
 * Something the workspace's owners must know and act on, shown on the dashboard until it is resolved.
 *
 * @param key what the notice is about, one open notice each (e.g. {@code whatsapp.hold.<channel id>})
 * @param severity {@code warning} or {@code critical}
 */
public record WorkspaceNotice(UUID id, String key, String severity, String title, String body, Instant openedAt) {

    public boolean critical() {
        return "critical".equals(severity);
    }
}
