package com.maxmysales.privacy.web;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

import com.maxmysales.platform.Refusal;
import com.maxmysales.privacy.retention.LegalHold;
import com.maxmysales.privacy.retention.LegalHolds;
import com.maxmysales.privacy.retention.PurgeHistory;
import com.maxmysales.privacy.retention.PurgeReport;
import com.maxmysales.privacy.retention.RetentionPurge;
import com.maxmysales.privacy.retention.WorkspaceRetention;
import com.maxmysales.shared.Permission;
import com.maxmysales.shared.RequiresPermission;
import com.maxmysales.shared.WorkspaceId;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RequiresPermission(Permission.PRIVACY_MANAGE)
@RestController
@Tag(name = "Privacy")
class RetentionController {

    static final int HISTORY_LIMIT = 100;

    private final WorkspaceRetention retention;
    private final LegalHolds holds;
    private final RetentionPurge purge;
    private final PurgeHistory history;

    RetentionController(WorkspaceRetention retention, LegalHolds holds, RetentionPurge purge, PurgeHistory history) {
        this.retention = retention;
        this.holds = holds;
        this.purge = purge;
        this.history = history;
    }

    record Retention(Duration content, Duration contentMaximum, Duration workspaceContent, Duration trafficMetadata,
            Duration audit, Instant lastPurgeAt) {}

    record RetentionChoice(String content) {}

    record NewLegalHold(String recordType, UUID recordId, String reason) {}

    record PurgeRequest(Boolean dryRun) {}

    @GetMapping("/api/v1/privacy/retention")
    @Operation(summary = "How long this workspace's data lives, by retention class, and when the purge last ran",
            description = "content: message text, media and lead answers after their conversation ends (the "
                    + "workspace's choice, never above contentMaximum); trafficMetadata: who messaged whom and when; "
                    + "audit: audit records. ISO-8601 durations.")
    Retention retention(WorkspaceId workspace) {
        var platform = retention.platform();
        return new Retention(retention.content(workspace), platform.content(),
                retention.chosenContent(workspace).orElse(null), platform.trafficMetadata(), platform.audit(),
                history.lastScheduledOrFull().map(PurgeReport::finishedAt).orElse(null));
    }

    @PutMapping("/api/v1/privacy/retention")
    @Operation(summary = "Choose a shorter content retention for this workspace",
            description = "{\"content\": \"P7D\"}: between P1D and the platform's maximum (P30D by default); "
                    + "{\"content\": null} follows the platform's setting again.")
    Retention choose(WorkspaceId workspace, @RequestBody RetentionChoice choice) {
        retention.chooseContent(workspace, duration(choice.content()));
        return retention(workspace);
    }

    @GetMapping("/api/v1/privacy/legal-holds")
    @Operation(summary = "Legal holds, active and released, newest first")
    List<LegalHold> holds(WorkspaceId workspace) {
        return holds.list(workspace);
    }

    @PostMapping("/api/v1/privacy/legal-holds")
    @Operation(summary = "Keep a contact or a conversation from every purge and erasure",
            description = "{\"recordType\": \"contact\" | \"conversation\", \"recordId\", \"reason\"}. Who placed it is "
                    + "the caller. A hold on a contact keeps all of their conversations and refuses their erasure.")
    @ApiResponse(responseCode = "201", description = "Placed")
    ResponseEntity<LegalHold> place(WorkspaceId workspace, @RequestBody NewLegalHold hold) {
        var placed = holds.place(workspace, hold.recordType(), hold.recordId(), hold.reason());
        return ResponseEntity.created(URI.create("/api/v1/privacy/legal-holds/" + placed.id())).body(placed);
    }

    @DeleteMapping("/api/v1/privacy/legal-holds/{holdId}")
    @Operation(summary = "Release a legal hold; the record is purged at the next run if its time has passed")
    @ApiResponse(responseCode = "204", description = "Released")
    ResponseEntity<Void> release(WorkspaceId workspace, @PathVariable UUID holdId) {
        holds.release(workspace, holdId);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/v1/privacy/purges")
    @Operation(summary = "Purge runs that removed or held something of this workspace, newest first: counts per "
            + "retention class and holder, never content")
    List<PurgeReport> purges(WorkspaceId workspace) {
        return history.ofWorkspace(workspace, HISTORY_LIMIT);
    }

    @PostMapping("/api/v1/privacy/purges")
    @Operation(summary = "Purge this workspace's expired content and metadata now, or rehearse it",
            description = "{\"dryRun\": true} counts what would go and changes nothing. 409 while another purge runs.")
    PurgeReport purgeWorkspace(WorkspaceId workspace, @RequestBody(required = false) PurgeRequest request) {
        return ranOrConflict(purge.run(workspace, dryRun(request), "api"));
    }

    @RequiresPermission(Permission.OPERATOR)
    @GetMapping("/api/v1/admin/privacy/purges")
    @Operation(summary = "Every purge run, newest first (operator)")
    List<PurgeReport> allPurges() {
        return history.all(HISTORY_LIMIT);
    }

    @RequiresPermission(Permission.OPERATOR)
    @PostMapping("/api/v1/admin/privacy/purges")
    @Operation(summary = "Run the whole retention purge now, or rehearse it (operator)",
            description = "{\"dryRun\": true} counts what would go in every workspace and changes nothing.")
    PurgeReport purgeAll(@RequestBody(required = false) PurgeRequest request) {
        return ranOrConflict(purge.run(dryRun(request), "operator"));
    }

    private static boolean dryRun(PurgeRequest request) {
        return request != null && Boolean.TRUE.equals(request.dryRun());
    }

    private static PurgeReport ranOrConflict(PurgeReport report) {
        if (!report.ran()) {
            throw Refusal.conflict("purge-running", "A purge is running",
                    "another node is purging right now; try again in a minute");
        }
        return report;
    }

    private static Duration duration(String value) {
        if (value == null) {
            return null;
        }
        try {
            return Duration.parse(value);
        } catch (DateTimeParseException e) {
            throw Refusal.invalid("invalid-retention", "Invalid retention",
                    "content must be an ISO-8601 duration such as P7D");
        }
    }
}
