package com.maxmysales.compliance;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

import com.maxmysales.shared.WorkspaceId;
import com.maxmysales.tenancy.WorkspaceManagement;
import com.maxmysales.tenancy.OwnerNotices;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the owners aware of a breach report's deadline through their dashboard notice and its mail: when the breach
 * is recorded, again a day before the report is due, and once more, as critical, when it is overdue. Each step is
 * taken once, by whichever node gets there first; filing the report closes the notice.
 */
@Component
class BreachReminders {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm '('VV')'");

    /** A time as the breach texts write it: in the workspace's zone, the zone named ("2026-12-05 15:13 (Asia/Kolkata)"). */
    static String at(java.time.Instant instant, java.time.ZoneId zone) {
        return TIME.format(instant.atZone(zone));
    }

    private final Breaches breaches;
    private final OwnerNotices notices;
    private final ComplianceSettings settings;
    private final Clock clock;
    private final WorkspaceManagement workspaces;

    BreachReminders(Breaches breaches, OwnerNotices notices, ComplianceSettings settings, Clock clock,
            WorkspaceManagement workspaces) {
        this.workspaces = workspaces;
        this.breaches = breaches;
        this.notices = notices;
        this.settings = settings;
        this.clock = clock;
    }

    void recorded(WorkspaceId workspace, UUID breach, Instant dueAt, int affected) {
        if (breaches.reminded(workspace, breach, "none", "recorded")) {
            notices.tell(workspace, key(breach), OwnerNotices.Severity.WARNING, "A data breach was recorded",
                    "It affects " + affected + " people. The detailed report to the Data Protection Board is due by "
                            + at(dueAt, workspaces.get(workspace).timeZone()) + ": open Settings › Breach register to see the draft.");
        }
    }

    void filed(WorkspaceId workspace, UUID breach) {
        notices.resolve(workspace, key(breach));
    }

    @Scheduled(fixedDelayString = "${maxmysales.compliance.reminder-interval:PT5M}", initialDelayString = "PT1M")
    void remind() {
        var now = clock.instant();
        for (var breach : breaches.unfiled()) {
            if (!now.isBefore(breach.dueAt())) {
                if (!breach.reminded().equals("overdue")
                        && breaches.reminded(breach.workspace(), breach.id(), breach.reminded(), "overdue")) {
                    notices.tell(breach.workspace(), key(breach.id()), OwnerNotices.Severity.CRITICAL,
                            "A breach report is overdue",
                            "The detailed report of a breach affecting " + breach.affected() + " people was due by "
                                    + at(breach.dueAt(), workspaces.get(breach.workspace()).timeZone()) + ". File it with the Data Protection Board now and "
                                    + "mark it filed in Settings › Breach register.");
                }
            } else if (!now.isBefore(breach.dueAt().minus(settings.dueSoon()))
                    && (breach.reminded().equals("none") || breach.reminded().equals("recorded"))
                    && breaches.reminded(breach.workspace(), breach.id(), breach.reminded(), "due-soon")) {
                notices.tell(breach.workspace(), key(breach.id()), OwnerNotices.Severity.WARNING,
                        "A breach report is due soon",
                        "The detailed report of a breach affecting " + breach.affected() + " people is due by "
                                + at(breach.dueAt(), workspaces.get(breach.workspace()).timeZone()) + ": open Settings › Breach register to see the draft.");
            }
        }
    }

    private static String key(UUID breach) {
        return "compliance.breach." + breach;
    }
}
