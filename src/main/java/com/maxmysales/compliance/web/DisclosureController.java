package com.maxmysales.compliance.web;

import java.net.URI;
import java.util.List;

import com.maxmysales.compliance.ComplianceReports;
import com.maxmysales.compliance.Disclosure;
import com.maxmysales.compliance.DisclosureLog;
import com.maxmysales.privacy.audit.PersonalDataRead;
import com.maxmysales.shared.Permission;
import com.maxmysales.shared.RequiresPermission;
import com.maxmysales.shared.WorkspaceId;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RequiresPermission(Permission.PRIVACY_BREACHES)
@RestController
@RequestMapping("/api/v1/privacy/disclosures")
@Tag(name = "Disclosures", description = "Personal data given to authorities, as the law required")
class DisclosureController {

    private final DisclosureLog log;
    private final ComplianceReports reports;

    DisclosureController(DisclosureLog log, ComplianceReports reports) {
        this.log = log;
        this.reports = reports;
    }

    @PostMapping
    @Operation(summary = "Record a disclosure: recipient (who asked), legalBasis, dataGiven, disclosedAt (default now), reference")
    ResponseEntity<Disclosure> record(WorkspaceId workspace, @RequestBody DisclosureLog.NewDisclosure body) {
        var disclosure = log.record(workspace, body);
        return ResponseEntity.created(URI.create("/api/v1/privacy/disclosures?from="
                + disclosure.disclosedAt().toString().substring(0, 10))).body(disclosure);
    }

    @PersonalDataRead("disclosure.read")
    @GetMapping
    @Operation(summary = "Disclosures made between two days (both included; default the last 30 days)")
    List<Disclosure> list(WorkspaceId workspace, @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to) {
        var period = reports.period(workspace, from, to);
        return log.between(workspace, period.start(), period.end());
    }
}
