package com.maxmysales.compliance.web;

import com.maxmysales.compliance.ComplianceReports;
import com.maxmysales.privacy.audit.PersonalDataRead;
import com.maxmysales.shared.Permission;
import com.maxmysales.shared.RequiresPermission;
import com.maxmysales.shared.WorkspaceId;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The compliance report in the web app: the page of a period, and its PDF. */
@Controller
@RequiresPermission(Permission.COMPLIANCE_REPORT)
class CompliancePages {

    private final ComplianceReports reports;

    CompliancePages(ComplianceReports reports) {
        this.reports = reports;
    }

    @PersonalDataRead("compliance.report")
    @GetMapping("/app/compliance")
    String page(WorkspaceId workspace, @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to, Model model) {
        model.addAttribute("report", reports.of(workspace, reports.period(workspace, from, to)));
        return "compliance/page";
    }

    @PersonalDataRead("compliance.report")
    @GetMapping("/app/compliance/report.pdf")
    ResponseEntity<byte[]> pdf(WorkspaceId workspace, @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to) {
        var report = reports.of(workspace, reports.period(workspace, from, to));
        return ComplianceReportController.pdfResponse(report, reports.pdf(report));
    }
}
