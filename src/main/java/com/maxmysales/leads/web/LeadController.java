package com.maxmysales.leads.web;

import java.time.Instant;
import java.util.UUID;

import com.maxmysales.leads.Lead;
import com.maxmysales.leads.LeadQueries;
import com.maxmysales.platform.CursorPage;
import com.maxmysales.privacy.audit.PersonalDataRead;
import com.maxmysales.shared.Permission;
import com.maxmysales.shared.RequiresPermission;
import com.maxmysales.shared.WorkspaceId;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RequiresPermission(Permission.LEADS_READ)
@RestController
@RequestMapping("/api/v1/leads")
@Tag(name = "Leads")
class LeadController {

    private final LeadQueries leads;

    LeadController(LeadQueries leads) {
        this.leads = leads;
    }

    @PersonalDataRead("lead.list")
    @GetMapping
    @Operation(summary = "Leads, newest first, with source, form, campaign, contact id and the follow-up's status",
            description = "Filters: sourceId, formId, campaignId, from and to (received time, ISO-8601). Answers are "
                    + "in GET /api/v1/leads/{id}. Every call is written to the audit log.")
    CursorPage<Lead> list(WorkspaceId workspace, @RequestParam(required = false) UUID sourceId,
            @RequestParam(required = false) String formId, @RequestParam(required = false) String campaignId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
            @RequestParam(required = false) String cursor, @RequestParam(required = false) Integer limit) {
        return leads.page(workspace, new LeadQueries.Filter(sourceId, formId, campaignId, from, to), cursor, limit);
    }

    @PersonalDataRead("lead.read")
    @GetMapping("/{leadId}")
    @Operation(summary = "One lead with the form's answers; written to the audit log")
    Lead get(WorkspaceId workspace, @PathVariable UUID leadId) {
        return leads.get(workspace, leadId);
    }
}
