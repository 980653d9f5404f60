package com.maxmysales.inbox.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import com.maxmysales.inbox.CannedResponse;
import com.maxmysales.inbox.CannedResponses;
import com.maxmysales.shared.Permission;
import com.maxmysales.shared.RequiresPermission;
import com.maxmysales.shared.WorkspaceId;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/canned-responses")
@Tag(name = "Inbox", description = "Conversations as the team works them")
class CannedController {

    private final CannedResponses canned;

    CannedController(CannedResponses canned) {
        this.canned = canned;
    }

    record CannedRequest(@Nullable String shortcut, @Nullable String text) {}

    record CannedList(List<CannedResponse> items) {}

    @RequiresPermission(Permission.CONVERSATIONS_READ)
    @GetMapping
    @Operation(summary = "The workspace's canned responses, by shortcut")
    CannedList list(WorkspaceId workspace) {
        return new CannedList(canned.list(workspace));
    }

    @RequiresPermission(Permission.MESSAGES_SEND)
    @PostMapping
    @Operation(summary = "Add a canned response",
            description = "{\"shortcut\", \"text\"}: typed in the composer as /shortcut. 409 when the shortcut is taken.")
    ResponseEntity<CannedResponse> create(WorkspaceId workspace, @RequestBody CannedRequest request) {
        var created = canned.create(workspace, request.shortcut(), request.text());
        return ResponseEntity.created(URI.create("/api/v1/canned-responses/" + created.id())).body(created);
    }

    @RequiresPermission(Permission.MESSAGES_SEND)
    @DeleteMapping("/{cannedResponseId}")
    @Operation(summary = "Delete a canned response")
    ResponseEntity<Void> delete(WorkspaceId workspace, @PathVariable UUID cannedResponseId) {
        canned.delete(workspace, cannedResponseId);
        return ResponseEntity.noContent().build();
    }
}
