package com.maxmysales.compliance.web;

import java.net.URI;
import java.util.UUID;

import com.maxmysales.compliance.NewBreach;
import com.maxmysales.compliance.PlatformIncidents;
import com.maxmysales.platform.CursorPage;
import com.maxmysales.shared.Permission;
import com.maxmysales.shared.RequiresPermission;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RequiresPermission(Permission.OPERATOR)
@RestController
@Tag(name = "Operator")
class AdminIncidentController {

    private final PlatformIncidents incidents;

    AdminIncidentController(PlatformIncidents incidents) {
        this.incidents = incidents;
    }

    @GetMapping("/api/v1/admin/privacy/breaches")
    @Operation(summary = "The platform-wide incidents, newest detection first, each with the workspaces it was entered "
            + "in and their people counts (cursor pages: {items, nextCursor}; limit 1-500, 50)")
    CursorPage<PlatformIncidents.Incident> list(@RequestParam(required = false) @Nullable String cursor,
            @RequestParam(required = false) @Nullable Integer limit) {
        return incidents.page(cursor, limit);
    }

    @GetMapping("/api/v1/admin/privacy/breaches/{incidentId}")
    @Operation(summary = "One platform-wide incident with the workspaces it was entered in and their people counts")
    PlatformIncidents.Incident get(@PathVariable UUID incidentId) {
        return incidents.get(incidentId);
    }

    @PostMapping("/api/v1/admin/privacy/breaches")
    @Operation(summary = "A platform-wide incident: an entry in the breach register of every workspace with people affected")
    ResponseEntity<PlatformIncidents.Recorded> record(@RequestBody NewBreach body) {
        var recorded = incidents.record(body);
        return ResponseEntity.created(URI.create("/api/v1/admin/privacy/breaches/" + recorded.incidentId()))
                .body(recorded);
    }
}
