package com.maxmysales.compliance;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A breach in a workspace's register.
 *
 * @param source {@code workspace} for the workspace's own, {@code operator} for a platform-wide incident
 * @param incidentId the operator's platform-wide incident it came from; null for the workspace's own
 * @param reportDueAt 72 hours after detection: the detailed report to the Data Protection Board is due then
 * @param notified how many of the affected people were sent their notice
 */
public record Breach(UUID id, String source, @Nullable UUID incidentId, Instant detectedAt, Instant recordedAt, String recordedBy,
        String description, Instant exposedFrom, Instant exposedTo, List<String> dataCategories,
        @Nullable String likelyImpact, @Nullable String measures, Instant reportDueAt, int affectedCount, int notified,
        @Nullable Instant reportFiledAt, @Nullable String reportReference) {

    /** Not filed and past its deadline. */
    public boolean overdue(Instant now) {
        return reportFiledAt == null && now.isAfter(reportDueAt);
    }

    public boolean filedLate() {
        return reportFiledAt != null && reportFiledAt.isAfter(reportDueAt);
    }
}
