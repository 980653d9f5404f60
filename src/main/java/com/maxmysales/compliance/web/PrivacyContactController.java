package com.maxmysales.compliance.web;

import com.maxmysales.compliance.BreachReports;
import com.maxmysales.compliance.PrivacyContacts;
import com.maxmysales.shared.Permission;
import com.maxmysales.shared.RequiresPermission;
import com.maxmysales.shared.WorkspaceId;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The workspace's own privacy contact (its Data Protection Officer or grievance officer). It lives here rather than
 * in {@code /api/v1/workspace} because the compliance module owns it and tenancy may not depend on compliance.
 */
@RequiresPermission(Permission.PRIVACY_BREACHES)
@RestController
@RequestMapping("/api/v1/privacy/contact")
@Tag(name = "Breaches", description = "The breach register: affected people, the 72-hour report, notices")
class PrivacyContactController {

    private final PrivacyContacts contacts;
    private final BreachReports reports;

    PrivacyContactController(PrivacyContacts contacts, BreachReports reports) {
        this.contacts = contacts;
        this.reports = reports;
    }

    /** @param operatorContact set when the workspace has none of its own and reports name the operator's */
    record ContactView(@Nullable String name, @Nullable String email, @Nullable String phone,
            @Nullable String operatorContact) {}

    record ContactBody(@Nullable String name, @Nullable String email, @Nullable String phone) {}

    @GetMapping
    @Operation(summary = "Who breach reports and notices name as the contact: the workspace's own, else the operator's")
    ContactView get(WorkspaceId workspace) {
        return contacts.of(workspace).map(own -> new ContactView(own.name(), own.email(), own.phone(), null))
                .orElseGet(() -> new ContactView(null, null, null, reports.operatorContact()));
    }

    @PutMapping
    @Operation(summary = "Set the workspace's own privacy contact (name and email required, phone optional); audited",
            description = "400 invalid-privacy-contact.")
    ContactView set(WorkspaceId workspace, @RequestBody ContactBody body) {
        var own = contacts.set(workspace, body.name(), body.email(), body.phone());
        return new ContactView(own.name(), own.email(), own.phone(), null);
    }
}
