package com.maxmysales.compliance.web;

import com.maxmysales.compliance.ComplianceReport;
import com.maxmysales.compliance.ComplianceReports;
import com.maxmysales.privacy.audit.PersonalDataRead;
import com.maxmysales.shared.Permission;
import com.maxmysales.shared.RequiresPermission;
import com.maxmysales.shared.WorkspaceId;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The compliance report of a period, in the form the {@code Accept} header asks for: JSON, a standalone HTML document,
 * or the typeset PDF. Its disclosures may name people, so every fetch is audited.
 */
@RequiresPermission(Permission.COMPLIANCE_REPORT)
@RestController
@Tag(name = "Reports")
class ComplianceReportController {

    private static final String PATH = "/api/v1/reports/compliance";

    private final ComplianceReports reports;

    ComplianceReportController(ComplianceReports reports) {
        this.reports = reports;
    }

    @PersonalDataRead("compliance.report")
    @GetMapping(value = PATH, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The workspace's compliance report for a period (from, to: days, both included; default the last 30 days) as JSON, HTML or PDF")
    ComplianceReport json(WorkspaceId workspace, @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to) {
        return reports.of(workspace, reports.period(workspace, from, to));
    }

    @PersonalDataRead("compliance.report")
    @GetMapping(value = PATH, produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> html(WorkspaceId workspace, @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to) {
        var report = reports.of(workspace, reports.period(workspace, from, to));
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noStore()).body(reports.html(report));
    }

    @PersonalDataRead("compliance.report")
    @GetMapping(value = PATH, produces = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<byte[]> pdf(WorkspaceId workspace, @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to) {
        var report = reports.of(workspace, reports.period(workspace, from, to));
        return pdfResponse(report, reports.pdf(report));
    }

    static ResponseEntity<byte[]> pdfResponse(ComplianceReport report, byte[] pdf) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF).cacheControl(CacheControl.noStore())
                .header("Content-Disposition", ContentDisposition.attachment()
                        .filename("compliance-report-" + report.from() + "-" + report.to() + ".pdf").build().toString())
                .body(pdf);
    }
}
