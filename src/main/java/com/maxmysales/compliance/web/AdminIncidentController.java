package com.maxmysales.compliance.web;

import java.net.URI;

import com.maxmysales.compliance.NewBreach;
import com.maxmysales.compliance.PlatformIncidents;
import com.maxmysales.shared.Permission;
import com.maxmysales.shared.RequiresPermission;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RequiresPermission(Permission.OPERATOR)
@RestController
@Tag(name = "Operator")
class AdminIncidentController {

    private final PlatformIncidents incidents;

    AdminIncidentController(PlatformIncidents incidents) {
        this.incidents = incidents;
    }

    @PostMapping("/api/v1/admin/privacy/breaches")
    @Operation(summary = "A platform-wide incident: an entry in the breach register of every workspace with people affected")
    ResponseEntity<PlatformIncidents.Recorded> record(@RequestBody NewBreach body) {
        var recorded = incidents.record(body);
        return ResponseEntity.created(URI.create("/api/v1/admin/privacy/breaches/" + recorded.incidentId()))
                .body(recorded);
    }
}
