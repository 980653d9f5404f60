package com.maxmysales.compliance.web;

import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import com.maxmysales.compliance.AffectedListExport;
import com.maxmysales.compliance.AffectedPerson;
import com.maxmysales.compliance.Breach;
import com.maxmysales.compliance.BreachNotices;
import com.maxmysales.compliance.BreachRegister;
import com.maxmysales.compliance.BreachReport;
import com.maxmysales.compliance.BreachReports;
import com.maxmysales.compliance.NewBreach;
import com.maxmysales.platform.CursorPage;
import com.maxmysales.privacy.audit.PersonalDataRead;
import com.maxmysales.shared.ContactId;
import com.maxmysales.shared.Permission;
import com.maxmysales.shared.RequiresPermission;
import com.maxmysales.shared.WorkspaceId;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ContentDisposition;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RequiresPermission(Permission.PRIVACY_BREACHES)
@RestController
@RequestMapping("/api/v1/privacy/breaches")
@Tag(name = "Breaches", description = "The breach register: affected people, the 72-hour report, notices")
class BreachController {

    private final BreachRegister register;
    private final BreachReports reports;
    private final BreachNotices notices;
    private final AffectedListExport export;

    BreachController(BreachRegister register, BreachReports reports, BreachNotices notices, AffectedListExport export) {
        this.register = register;
        this.reports = reports;
        this.notices = notices;
        this.export = export;
    }

    record Recorded(UUID id, Instant reportDueAt, int affectedCount) {}

    /** A breach with the first page of its affected people; {@code affectedNextCursor} continues at {@code /affected}. */
    record BreachView(Breach breach, List<Affected> affected, @Nullable String affectedNextCursor) {}

    /** One affected person as the API shows them: ids and times only. */
    record Affected(UUID contactId, List<String> categories, @Nullable Instant notifiedAt, @Nullable String channel) {

        static Affected of(AffectedPerson person) {
            return new Affected(person.contact().value(), person.categories(), person.notifiedAt(), person.channel());
        }
    }

    record Description(@Nullable String likelyImpact, @Nullable String measures) {}

    record Filing(@Nullable Instant filedAt, @Nullable String reference) {}

    record Notices(@Nullable List<UUID> contactIds, @Nullable String channel) {}

    record NoticesRecorded(int recorded) {}

    @PostMapping
    @Operation(summary = "Record a breach: the people affected are computed, the report is due 72 hours after detectedAt")
    ResponseEntity<Recorded> record(WorkspaceId workspace, @RequestBody NewBreach body) {
        var breach = register.record(workspace, body);
        return ResponseEntity.created(URI.create("/api/v1/privacy/breaches/" + breach.id()))
                .body(new Recorded(breach.id(), breach.reportDueAt(), breach.affectedCount()));
    }

    @GetMapping
    @Operation(summary = "The register, newest detection first, in cursor pages ({items, nextCursor}; limit 1-500, 50)")
    CursorPage<Breach> list(WorkspaceId workspace, @RequestParam(required = false) @Nullable String cursor,
            @RequestParam(required = false) @Nullable Integer limit) {
        return register.page(workspace, cursor, limit);
    }

    @GetMapping("/{breachId}")
    @Operation(summary = "A breach and the first page of the people it affects (contact ids, exposed categories, when "
            + "each was notified); affectedNextCursor continues at /affected")
    BreachView get(WorkspaceId workspace, @PathVariable UUID breachId,
            @RequestParam(required = false) @Nullable Integer limit) {
        var breach = register.get(workspace, breachId);
        var affected = register.affectedPage(workspace, breachId, null, limit);
        return new BreachView(breach, affected.items().stream().map(Affected::of).toList(), affected.nextCursor());
    }

    @GetMapping("/{breachId}/affected")
    @Operation(summary = "The people a breach affects, in cursor pages ({items, nextCursor}; limit 1-500, 50)")
    CursorPage<Affected> affected(WorkspaceId workspace, @PathVariable UUID breachId,
            @RequestParam(required = false) @Nullable String cursor,
            @RequestParam(required = false) @Nullable Integer limit) {
        return register.affectedPage(workspace, breachId, cursor, limit).map(Affected::of);
    }

    @PatchMapping("/{breachId}")
    @Operation(summary = "Add the likely impact and the measures taken, for the report and the notices")
    Breach describe(WorkspaceId workspace, @PathVariable UUID breachId, @RequestBody Description body) {
        return register.describe(workspace, breachId, body.likelyImpact(), body.measures());
    }

    @GetMapping("/{breachId}/report")
    @Operation(summary = "The draft report to the Data Protection Board, and the notice to each affected person")
    BreachReport report(WorkspaceId workspace, @PathVariable UUID breachId) {
        return reports.draft(workspace, breachId);
    }

    @PostMapping("/{breachId}/filing")
    @Operation(summary = "The report was filed with the Board (at filedAt, default now): the deadline stops")
    Breach file(WorkspaceId workspace, @PathVariable UUID breachId, @RequestBody Filing body) {
        return register.fileReport(workspace, breachId, body.filedAt(), body.reference());
    }

    @PostMapping("/{breachId}/notices")
    @Operation(summary = "Record that notices went out (by WhatsApp template, email or otherwise) to these contacts, or to all")
    NoticesRecorded notices(WorkspaceId workspace, @PathVariable UUID breachId, @RequestBody Notices body) {
        var contacts = body.contactIds() == null ? List.<ContactId>of()
                : body.contactIds().stream().map(ContactId::new).toList();
        return new NoticesRecorded(register.recordNotices(workspace, breachId, contacts,
                body.channel() == null ? "" : body.channel()));
    }

    @PostMapping("/{breachId}/notices/email")
    @Operation(summary = "Email the notice to every affected person with an email who has not had it; each is recorded")
    BreachNotices.Sent email(WorkspaceId workspace, @PathVariable UUID breachId) {
        return notices.emailAll(workspace, breachId);
    }

    @PersonalDataRead("breach.affected-export")
    @GetMapping(value = "/{breachId}/affected.csv", produces = "text/csv")
    void affected(WorkspaceId workspace, @PathVariable UUID breachId, HttpServletResponse response)
            throws IOException {
        register.get(workspace, breachId);
        response.setContentType("text/csv; charset=UTF-8");
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename("breach-" + breachId + "-affected.csv").build().toString());
        export.write(workspace, breachId, response.getOutputStream());
    }
}
