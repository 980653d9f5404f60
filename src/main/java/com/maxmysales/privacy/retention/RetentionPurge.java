package com.maxmysales.privacy.retention;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import com.maxmysales.privacy.audit.AuditLog;
import com.maxmysales.privacy.crypto.DataKeys;
import com.maxmysales.privacy.spi.PersonalDataHolder;
import com.maxmysales.privacy.spi.Purge;
import com.maxmysales.privacy.spi.PurgeCount;
import com.maxmysales.shared.WorkspaceId;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The auto-purge (P4). Per workspace: content of conversations that ended longer ago than the workspace's
 * content retention, and traffic metadata past its year, through every {@link PersonalDataHolder}, skipping
 * legal holds; then raw webhook events and audit records past theirs. One node at a time (an advisory
 * lock); rehearsable as a dry run that counts and changes nothing; every run is kept in the purge history
 * and the audit log as counts, and nothing it logs names a person or quotes content.
 */
@Service
public class RetentionPurge {

    /** "PRIVPURG": the advisory lock every node's purge takes. */
    static final long LOCK_KEY = 0x5052_4956_5055_5247L;

    private static final Logger log = LoggerFactory.getLogger(RetentionPurge.class);

    private final List<PersonalDataHolder> holders;
    private final WorkspaceRetention retention;
    private final LegalHolds holds;
    private final HeldSubjects heldSubjects;
    private final DataKeys dataKeys;
    private final AuditLog audit;
    private final PurgeHistory history;
    private final AdvisoryLock lock;
    private final Clock clock;

    RetentionPurge(List<PersonalDataHolder> holders, WorkspaceRetention retention, LegalHolds holds, HeldSubjects heldSubjects, DataKeys dataKeys,
            AuditLog audit, PurgeHistory history, AdvisoryLock lock, Clock clock) {
        this.holders = List.copyOf(holders);
        this.retention = retention;
        this.holds = holds;
        this.heldSubjects = heldSubjects;
        this.dataKeys = dataKeys;
        this.audit = audit;
        this.history = history;
        this.lock = lock;
        this.clock = clock;
    }

    /** Every workspace, then platform-wide data. @param trigger who asked: schedule, operator, api... */
    public PurgeReport run(boolean dryRun, String trigger) {
        return locked(null, dryRun, trigger);
    }

    /** One workspace's content and metadata only: what a business asks for through the API. */
    public PurgeReport run(WorkspaceId workspace, boolean dryRun, String trigger) {
        return locked(workspace, dryRun, trigger);
    }

    private PurgeReport locked(WorkspaceId only, boolean dryRun, String trigger) {
        var held = lock.tryAcquire(LOCK_KEY);
        if (held.isEmpty()) {
            var now = clock.instant();
            log.info("Retention purge ({}) skipped: another node is purging", trigger);
            return new PurgeReport(UUID.randomUUID(), false, now, now, dryRun, trigger,
                    only == null ? null : only.value(), 0, List.of());
        }
        try (var ignored = held.get()) {
            return purge(only, dryRun, trigger);
        }
    }

    private PurgeReport purge(WorkspaceId only, boolean dryRun, String trigger) {
        var started = clock.instant();
        var run = new Run(dryRun);
        var workspaces = only != null ? List.of(only) : dataKeys.workspaces();
        var metadataCutoff = started.minus(retention.platform().trafficMetadata());
        for (var workspace : workspaces) {
            var held = holds.active(workspace);
            var content = new Purge(workspace, started.minus(retention.content(workspace)), held, dryRun);
            var metadata = new Purge(workspace, metadataCutoff, held, dryRun);
            for (var holder : holders) {
                run.count(workspace, "content", holder.category(), () -> holder.purgeContent(content));
                run.count(workspace, "traffic-metadata", holder.category(), () -> holder.purgeTrafficMetadata(metadata));
            }
        }
        if (only == null) {
            var unattributed = started.minus(shortestContentRetention());
            var heldPeople = heldSubjects.heldPeople(workspaces);
            for (var holder : holders) {
                run.count(null, "content", holder.category(),
                        () -> holder.purgeUnattributedContent(unattributed, heldPeople, dryRun));
            }
            var auditCutoff = started.minus(retention.platform().audit());
            run.count(null, "audit", "audit records", () -> new PurgeCount(audit.purgeBefore(auditCutoff, dryRun), 0));
        }
        var report = new PurgeReport(UUID.randomUUID(), true, started, clock.instant(), dryRun, trigger,
                only == null ? null : only.value(), run.failures, run.lines);
        history.save(report);
        recordInAuditLog(report);
        log.info("Retention purge ({}{}): {} records {}, {} kept for legal holds, {} failures, in {} ms", trigger,
                dryRun ? ", dry run" : "", report.purged(), dryRun ? "due" : "purged", report.held(), report.failures(),
                Duration.between(report.startedAt(), report.finishedAt()).toMillis());
        return report;
    }

    private Duration shortestContentRetention() {
        return retention.shorterChoices().values().stream().min(Comparator.naturalOrder())
                .orElse(retention.platform().content());
    }

    /** One record per workspace that had anything due, and one for the run (in its workspace, if it had one). */
    private void recordInAuditLog(PurgeReport report) {
        var action = report.dryRun() ? "privacy.purge.dry-run" : "privacy.purge";
        report.lines().stream().filter(line -> line.workspace() != null && (line.purged() > 0 || line.held() > 0))
                .collect(Collectors.groupingBy(PurgeLine::workspace))
                .forEach((workspace, lines) -> audit.record(new WorkspaceId(workspace), action, "purgeRunId=" + report.id(),
                        describe(lines)));
        audit.record(report.workspace() == null ? null : new WorkspaceId(report.workspace()), action,
                "purgeRunId=" + report.id(), "purged=" + report.purged() + ",held=" + report.held()
                        + ",failures=" + report.failures());
    }

    private static String describe(List<PurgeLine> lines) {
        return lines.stream().map(line -> line.retentionClass() + "/" + line.category() + "=" + line.purged()
                + (line.held() > 0 ? "(held " + line.held() + ")" : "")).collect(Collectors.joining(","));
    }

    /**
     * The lines of one run that purged or held something (an hourly run over every workspace checks many
     * more), and its failures. A holder that fails is reported and skipped; the others go on.
     */
    private static final class Run {

        private final boolean dryRun;
        private final List<PurgeLine> lines = new ArrayList<>();
        private int failures;

        Run(boolean dryRun) {
            this.dryRun = dryRun;
        }

        void count(WorkspaceId workspace, String retentionClass, String category, Supplier<PurgeCount> purge) {
            try {
                var count = purge.get();
                if (count.purged() == 0 && count.held() == 0) {
                    return;
                }
                lines.add(new PurgeLine(workspace == null ? null : workspace.value(), retentionClass, category,
                        count.purged(), count.held()));
            } catch (RuntimeException e) {
                failures++;
                // The exception's type only: a database message may quote a value.
                log.error("Retention purge{} of {} / {} in workspace {} failed: {}", dryRun ? " (dry run)" : "",
                        retentionClass, category, workspace, e.getClass().getName());
            }
        }
    }
}
