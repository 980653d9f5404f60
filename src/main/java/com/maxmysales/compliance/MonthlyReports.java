package com.maxmysales.compliance;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import com.maxmysales.contacts.ContactDirectory;
import com.maxmysales.privacy.requests.PrivacyMail;
import com.maxmysales.shared.WorkspaceId;
import com.maxmysales.tenancy.Member;
import com.maxmysales.tenancy.Role;
import com.maxmysales.tenancy.WorkspaceManagement;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * When the operator turns it on ({@code maxmysales.compliance.monthly-report}), each workspace's active owners get the
 * previous month's compliance report as a PDF by email, once, early in the new month (UTC), from the privacy contact.
 * A row per workspace and month is taken before sending, so one node sends it; a send that reached nobody gives the
 * row back and the next run tries again.
 */
@Component
class MonthlyReports {

    private static final Logger log = LoggerFactory.getLogger(MonthlyReports.class);

    private final ComplianceReports reports;
    private final ContactDirectory contacts;
    private final WorkspaceManagement workspaces;
    private final PrivacyMail mail;
    private final ComplianceSettings settings;
    private final JdbcClient jdbc;
    private final Clock clock;

    MonthlyReports(ComplianceReports reports, ContactDirectory contacts, WorkspaceManagement workspaces,
            PrivacyMail mail, ComplianceSettings settings, JdbcClient jdbc, Clock clock) {
        this.reports = reports;
        this.contacts = contacts;
        this.workspaces = workspaces;
        this.mail = mail;
        this.settings = settings;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT10M")
    void run() {
        if (!settings.monthlyReport() || !mail.enabled()) {
            return;
        }
        var month = YearMonth.from(clock.instant().atZone(ZoneOffset.UTC)).minusMonths(1);
        var sent = 0;
        for (var workspace : contacts.workspacesWithContacts()) {
            sent += send(workspace, month);
        }
        log.info("Monthly compliance reports for {} mailed to {} owner(s)", month, sent);
    }

    /** @return how many owners were mailed: 0 when this month's report went before, or reached nobody */
    int send(WorkspaceId workspace, YearMonth month) {
        var taken = jdbc.sql("""
                insert into compliance_report_mailings (workspace_id, month, sent_at)
                values (:workspace, :month, :now) on conflict do nothing""")
                .param("workspace", workspace.value()).param("month", Date.valueOf(month.atDay(1)))
                .param("now", Timestamp.from(clock.instant())).update() == 1;
        if (!taken) {
            return 0;
        }
        var report = reports.of(workspace, reports.period(workspace, month.atDay(1).toString(), month.atEndOfMonth().toString()));
        var pdf = reports.pdf(report);
        var sent = 0;
        for (var owner : owners(workspace)) {
            if (mail.send(owner, "Compliance report " + month + ": " + report.workspace(),
                    "The compliance report of " + report.workspace() + " for " + month + " is attached.\n\n"
                            + "It is also at Compliance in MaxMySales, for any period.\n",
                    "compliance-report-" + month + ".pdf", "application/pdf", pdf)) {
                sent++;
            }
        }
        jdbc.sql(sent == 0 ? "delete from compliance_report_mailings where workspace_id = :workspace and month = :month"
                : "update compliance_report_mailings set recipients = :sent where workspace_id = :workspace and month = :month")
                .param("workspace", workspace.value()).param("month", Date.valueOf(month.atDay(1)))
                .param("sent", sent).update();
        return sent;
    }

    private List<String> owners(WorkspaceId workspace) {
        var owners = new ArrayList<String>();
        String cursor = null;
        do {
            var page = workspaces.members(workspace, cursor, 100);
            page.items().stream().filter(member -> member.role() == Role.OWNER && member.active())
                    .map(Member::email).forEach(owners::add);
            cursor = page.nextCursor();
        } while (cursor != null);
        return owners;
    }
}
