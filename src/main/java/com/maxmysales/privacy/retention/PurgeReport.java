package com.maxmysales.privacy.retention;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One run of the retention purge: counts, never content.
 *
 * @param lines what was purged or held, by workspace, retention class and holder; nothing is listed for
 *        what had nothing due
 * @param ran false when another node was purging at the time, so this one did nothing
 * @param workspace the one workspace this run was limited to, or {@code null} for all
 * @param failures holders that failed in this run; the rest went on, and the next run tries again
 */
public record PurgeReport(UUID id, boolean ran, Instant startedAt, Instant finishedAt, boolean dryRun, String trigger,
        UUID workspace, int failures, List<PurgeLine> lines) {

    public PurgeReport {
        lines = List.copyOf(lines);
    }

    public int purged() {
        return lines.stream().mapToInt(PurgeLine::purged).sum();
    }

    public int held() {
        return lines.stream().mapToInt(PurgeLine::held).sum();
    }
}
