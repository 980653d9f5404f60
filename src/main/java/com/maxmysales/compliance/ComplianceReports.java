package com.maxmysales.compliance;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.TreeMap;

import com.maxmysales.contacts.ConsentLedger;
import com.maxmysales.optout.OptOutNumbers;
import com.maxmysales.platform.Refusal;
import com.maxmysales.privacy.audit.AuditLog;
import com.maxmysales.privacy.crypto.KeyVersions;
import com.maxmysales.privacy.masking.SensitiveDataMasking;
import com.maxmysales.privacy.requests.PersonalDataInventory;
import com.maxmysales.privacy.requests.RequestFigures;
import com.maxmysales.privacy.retention.RetentionFigures;
import com.maxmysales.shared.WorkspaceId;
import com.maxmysales.tenancy.WorkspaceManagement;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * Puts a workspace's compliance report together, each part from the module that keeps it, through its public query
 * methods: the same figures those modules' own pages and APIs show.
 */
@Service
public class ComplianceReports {

    static final int MAX_DAYS = 3660;
    private static final int DEFAULT_DAYS = 30;

    private final WorkspaceManagement workspaces;
    private final PersonalDataInventory inventory;
    private final KeyVersions keys;
    private final RetentionFigures retention;
    private final ConsentLedger consent;
    private final OptOutNumbers optOuts;
    private final RequestFigures requests;
    private final BreachRegister breaches;
    private final Processors processors;
    private final DisclosureLog disclosures;
    private final SensitiveDataMasking masking;
    private final AuditLog audit;
    private final ReportDocument document;
    private final MinorFigures minors;
    private final Clock clock;

    ComplianceReports(WorkspaceManagement workspaces, PersonalDataInventory inventory, KeyVersions keys,
            RetentionFigures retention, ConsentLedger consent, OptOutNumbers optOuts, RequestFigures requests,
            BreachRegister breaches, Processors processors, DisclosureLog disclosures, SensitiveDataMasking masking,
            AuditLog audit, ReportDocument document, MinorFigures minors, Clock clock) {
        this.workspaces = workspaces;
        this.inventory = inventory;
        this.keys = keys;
        this.retention = retention;
        this.consent = consent;
        this.optOuts = optOuts;
        this.requests = requests;
        this.breaches = breaches;
        this.processors = processors;
        this.disclosures = disclosures;
        this.masking = masking;
        this.audit = audit;
        this.document = document;
        this.minors = minors;
        this.clock = clock;
    }

    /**
     * The period as asked: ISO days in the workspace's time zone, {@code to} included; without them, the 30 days up to
     * today. Its days are the dashboard's and the analytics' days, so one opt-out falls on the same day in all three.
     *
     * @throws Refusal {@code invalid-period} for a malformed day, an end before the start, or more than ten years
     */
    public Period period(WorkspaceId workspace, @Nullable String from, @Nullable String to) {
        var zone = workspaces.get(workspace).timeZone();
        var today = LocalDate.ofInstant(clock.instant(), zone);
        var end = to == null || to.isBlank() ? today : day(to, "to");
        var start = from == null || from.isBlank() ? end.minusDays(DEFAULT_DAYS - 1) : day(from, "from");
        if (end.isBefore(start)) {
            throw Refusal.invalid("invalid-period", "Invalid period", "to is before from");
        }
        if (ChronoUnit.DAYS.between(start, end) >= MAX_DAYS) {
            throw Refusal.invalid("invalid-period", "Invalid period", "a report covers at most " + MAX_DAYS + " days");
        }
        return new Period(start, end, zone);
    }

    /** Days in the workspace's time zone, both included. */
    public record Period(LocalDate from, LocalDate to, java.time.ZoneId zone) {

        public java.time.Instant start() {
            return from.atStartOfDay(zone).toInstant();
        }

        public java.time.Instant end() {
            return to.plusDays(1).atStartOfDay(zone).toInstant();
        }
    }

    public ComplianceReport of(WorkspaceId workspace, Period period) {
        var now = clock.instant();
        var start = period.start();
        var end = period.end();
        var profile = workspaces.get(workspace);
        var listed = breaches.forReport(workspace, start, end);
        var masked = new TreeMap<String, Long>();
        masking.counts(workspace, period.from(), period.to())
                .forEach(count -> masked.merge(count.kind().code(), count.count(), Long::sum));
        var chain = audit.verify();
        return new ComplianceReport(profile.name(), period.from(), period.to(), period.zone().getId(), now,
                new ComplianceReport.Inventory(inventory.records(workspace), KeyVersions.CIPHER, keys.of(workspace),
                        profile.dataRegion()),
                retention.of(workspace, start, end), consent.totals(workspace, start, end),
                optOuts.of(workspace, start, end), requests.of(workspace, start, end),
                new ComplianceReport.BreachSummary(listed, listed.stream().filter(b -> b.overdue(now)).count(),
                        listed.stream().filter(Breach::filedLate).count()),
                processors.all(), disclosures.between(workspace, start, end),
                minors.of(workspace, start, end),
                masked,
                new ComplianceReport.AuditChain(chain.intact(), chain.rowsChecked(), chain.lastHash(),
                        chain.brokenAt(), chain.problem()));
    }

    /** The report as a standalone XHTML document, the one the PDF is typeset from. */
    public String html(ComplianceReport report) {
        return document.html(report);
    }

    public byte[] pdf(ComplianceReport report) {
        return document.pdf(report);
    }

    private static LocalDate day(String value, String name) {
        LocalDate day;
        try {
            day = LocalDate.parse(value.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw Refusal.invalid("invalid-period", "Invalid period", name + " must be a day such as 2026-11-30");
        }
        // A year such as -999999999 parses, and then fails in date arithmetic or in PostgreSQL.
        if (day.getYear() < 2000 || day.getYear() > 9999) {
            throw Refusal.invalid("invalid-period", "Invalid period", name + " must be a day between 2000 and 9999");
        }
        return day;
    }
}
