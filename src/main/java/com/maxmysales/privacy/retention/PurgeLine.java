package com.maxmysales.privacy.retention;

import java.util.UUID;

/**
 * What one holder's purge of one retention class did in one workspace.
 *
 * @param workspace {@code null} for platform-wide data: raw webhook events, audit records
 * @param retentionClass {@code content}, {@code traffic-metadata} or {@code audit}
 * @param category the holder's category, e.g. {@code messages}
 * @param purged records whose content went, or records that went (in a dry run: would have)
 * @param held records that were due but kept for a legal hold
 */
public record PurgeLine(UUID workspace, String retentionClass, String category, int purged, int held) {
}
