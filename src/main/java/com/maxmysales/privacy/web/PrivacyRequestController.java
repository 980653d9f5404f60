package com.maxmysales.privacy.web;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import com.maxmysales.platform.CursorPage;
import com.maxmysales.privacy.requests.AccessExport;
import com.maxmysales.privacy.requests.AccessExports;
import com.maxmysales.privacy.requests.NewPrivacyRequest;
import com.maxmysales.privacy.requests.PrivacyRequest;
import com.maxmysales.privacy.requests.PrivacyRequests;
import com.maxmysales.shared.Permission;
import com.maxmysales.shared.RequiresPermission;
import com.maxmysales.shared.WorkspaceId;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RequiresPermission(Permission.PRIVACY_REQUESTS)
@RestController
@Tag(name = "Privacy")
class PrivacyRequestController {

    private final PrivacyRequests requests;
    private final AccessExports exports;
    private final Clock clock;

    PrivacyRequestController(PrivacyRequests requests, AccessExports exports, Clock clock) {
        this.requests = requests;
        this.exports = exports;
        this.clock = clock;
    }

    record Refusal(String reason, String detail) {}

    record Accepted(UUID id, String status, Instant dueAt) {}

    record Verification(String code) {}

    record Resolution(String response) {}

    /** A request's state; for a completed access request, also the person's export and where to get it as a zip. */
    record RequestView(UUID id, String type, String status, String requestedBy, String filedBy, Instant receivedAt,
            Instant dueAt, boolean overdue, String verifyBy, Instant verifiedAt, Instant completedAt, Map<String, Integer> summary,
            Refusal refusal, String resolution, AccessExport export, String exportZip) {

        static RequestView of(PrivacyRequest request, Instant now, AccessExport export) {
            return new RequestView(request.id(), request.type(), request.status(), request.requestedBy(),
                    request.filedBy(), request.receivedAt(), request.dueAt(), request.overdue(now), request.verifyBy(), request.verifiedAt(),
                    request.completedAt(), request.summary(),
                    request.refusalReason() == null ? null : new Refusal(request.refusalReason(), request.refusalDetail()),
                    request.resolution(), export,
                    export == null ? null : "/api/v1/privacy/requests/" + request.id() + "/export.zip");
        }
    }

    @PostMapping("/api/v1/privacy/requests")
    @Operation(summary = "File a data-principal request",
            description = "{\"type\": \"access\" | \"erasure\" | \"correction\" | \"grievance\" | \"nomination\", "
                    + "\"phone\" or \"email\", \"requestedBy\": \"business\" (default) | \"person\", \"verifyBy\": "
                    + "\"whatsapp\" | \"email\"}; a correction takes \"name\" and/or \"correctedEmail\", a grievance or "
                    + "nomination a \"message\". Filed by the business, it is fulfilled at once; from the person, a one-time "
                    + "code goes to their WhatsApp (the default when a phone is given) or their email, and the request waits "
                    + "for it (POST .../verification). 422 email-verification-unavailable when no mail server is configured. "
                    + "202 with id, status and dueAt.")
    @ApiResponse(responseCode = "202", description = "Filed; Location names the request")
    ResponseEntity<Accepted> file(WorkspaceId workspace, @RequestBody NewPrivacyRequest request) {
        var filed = requests.file(workspace, request);
        return ResponseEntity.status(HttpStatus.ACCEPTED).location(URI.create("/api/v1/privacy/requests/" + filed.id()))
                .body(new Accepted(filed.id(), filed.status(), filed.dueAt()));
    }

    @GetMapping("/api/v1/privacy/requests")
    @Operation(summary = "Data-principal requests, newest first, with their status and due dates")
    CursorPage<RequestView> list(WorkspaceId workspace, @RequestParam(required = false) String cursor,
            @RequestParam(required = false) Integer limit) {
        var size = CursorPage.limit(limit);
        var before = cursor == null || cursor.isBlank() ? null : instant(cursor);
        var now = clock.instant();
        return CursorPage.of(requests.list(workspace, before, size + 1), size, request -> request.receivedAt().toString())
                .map(request -> RequestView.of(request, now, null));
    }

    @GetMapping("/api/v1/privacy/requests/{requestId}")
    @Operation(summary = "A request's status; a completed access request includes the full export (audited)")
    RequestView get(WorkspaceId workspace, @PathVariable UUID requestId) {
        var request = requests.get(workspace, requestId);
        var export = request.type().equals("access") && request.status().equals("completed")
                ? exports.export(workspace, requestId) : null;
        return RequestView.of(request, clock.instant(), export);
    }

    @GetMapping(value = "/api/v1/privacy/requests/{requestId}/export.zip", produces = "application/zip")
    @Operation(summary = "The access export as a zip: export.json and one CSV per category (audited)")
    ResponseEntity<byte[]> zip(WorkspaceId workspace, @PathVariable UUID requestId) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/zip"))
                .cacheControl(CacheControl.noStore())
                .header("Content-Disposition", ContentDisposition.attachment()
                        .filename("privacy-export-" + requestId + ".zip").build().toString())
                .body(exports.zip(workspace, requestId));
    }

    @PostMapping("/api/v1/privacy/requests/{requestId}/verification")
    @Operation(summary = "The one-time code the person received, relayed by the business: the request then proceeds",
            description = "422 wrong-code with attemptsLeft; after too many the request is refused (identity-not-verified).")
    RequestView verify(WorkspaceId workspace, @PathVariable UUID requestId, @RequestBody Verification verification) {
        return RequestView.of(requests.verify(workspace, requestId, verification.code()), clock.instant(), null);
    }

    @PostMapping("/api/v1/privacy/requests/{requestId}/verification-code")
    @Operation(summary = "Send the person a new one-time code")
    RequestView resend(WorkspaceId workspace, @PathVariable UUID requestId) {
        return RequestView.of(requests.resendCode(workspace, requestId), clock.instant(), null);
    }

    @PostMapping("/api/v1/privacy/requests/{requestId}/refusal")
    @Operation(summary = "Refuse a request, with a reason code and a detail for the person")
    RequestView refuse(WorkspaceId workspace, @PathVariable UUID requestId, @RequestBody Refusal refusal) {
        return RequestView.of(requests.refuse(workspace, requestId, refusal.reason(), refusal.detail()), clock.instant(), null);
    }

    @PostMapping("/api/v1/privacy/requests/{requestId}/resolution")
    @Operation(summary = "Answer a grievance; the request is then completed")
    RequestView resolve(WorkspaceId workspace, @PathVariable UUID requestId, @RequestBody Resolution resolution) {
        return RequestView.of(requests.resolve(workspace, requestId, resolution.response()), clock.instant(), null);
    }

    private static Instant instant(String cursor) {
        try {
            return Instant.parse(cursor);
        } catch (RuntimeException e) {
            throw com.maxmysales.platform.Refusal.invalid("invalid-cursor", "Invalid cursor",
                    "cursor must be a value returned as nextCursor by this endpoint");
        }
    }
}
