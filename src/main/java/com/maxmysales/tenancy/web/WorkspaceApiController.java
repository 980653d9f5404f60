package com.maxmysales.tenancy.web;

import java.time.Instant;
import java.util.UUID;

import com.maxmysales.platform.CursorPage;
import com.maxmysales.shared.Permission;
import com.maxmysales.shared.RequiresPermission;
import com.maxmysales.shared.WorkspaceId;
import com.maxmysales.tenancy.WorkspaceMember;
import com.maxmysales.tenancy.ApiKeyManagement;
import com.maxmysales.tenancy.ApiKeyView;
import com.maxmysales.tenancy.Member;
import com.maxmysales.tenancy.Workspace;
import com.maxmysales.tenancy.WorkspaceManagement;
import com.maxmysales.tenancy.WorkspaceProfile;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Workspace", description = "The caller's workspace, its team and its API keys")
class WorkspaceApiController {

    private final WorkspaceManagement workspaces;
    private final ApiKeyManagement apiKeys;

    WorkspaceApiController(WorkspaceManagement workspaces, ApiKeyManagement apiKeys) {
        this.workspaces = workspaces;
        this.apiKeys = apiKeys;
    }

    record WorkspaceBody(UUID id, String name, String defaultRegion, String dataRegion, String timeZone,
            Instant createdAt) {
        static WorkspaceBody of(Workspace workspace) {
            return new WorkspaceBody(workspace.id().value(), workspace.name(), workspace.defaultRegion(),
                    workspace.dataRegion(), workspace.timeZone().getId(), workspace.createdAt());
        }
    }

    record MemberBody(UUID id, String email, String name, String role, String status, Instant createdAt) {
        static MemberBody of(Member member) {
            return new MemberBody(member.id(), member.email(), member.displayName(), member.role().code(),
                    member.status().code(), member.createdAt());
        }
    }

    record ApiKeyBody(UUID id, String name, String hint, String role, boolean active, Instant createdAt,
            Instant lastUsedAt, Instant revokedAt) {
        static ApiKeyBody of(ApiKeyView key) {
            return new ApiKeyBody(key.id(), key.name(), key.hint(), key.role().code(), key.active(), key.createdAt(),
                    key.lastUsedAt(), key.revokedAt());
        }
    }

    @RequiresPermission(Permission.WORKSPACE_VIEW)
    @GetMapping("/workspace")
    @Operation(summary = "The workspace this API key belongs to")
    WorkspaceBody workspace(WorkspaceId workspace) {
        return WorkspaceBody.of(workspaces.get(workspace));
    }

    @RequiresPermission(Permission.WORKSPACE_MANAGE)
    @PatchMapping("/workspace")
    @Operation(summary = "Rename the workspace, or set its time zone or the country phone numbers are read in",
            description = "A part left out stays as it is. 400 invalid-time-zone, invalid-region or invalid-request.")
    WorkspaceBody change(WorkspaceId workspace, @RequestBody WorkspaceProfile profile) {
        return WorkspaceBody.of(workspaces.change(workspace, profile));
    }

    @RequiresPermission(Permission.MEMBERS_VIEW)
    @GetMapping("/members")
    @Operation(summary = "Business users of the workspace (active and disabled), newest first")
    CursorPage<MemberBody> members(WorkspaceId workspace, @RequestParam(required = false) String cursor,
            @RequestParam(required = false) Integer limit) {
        return workspaces.members(workspace, cursor, limit).map(MemberBody::of);
    }

    @RequiresPermission(Permission.MEMBERS_VIEW)
    @GetMapping("/members/{memberId}")
    @Operation(summary = "One business user of the workspace")
    MemberBody member(WorkspaceId workspace, @PathVariable UUID memberId) {
        return MemberBody.of(workspaces.member(workspace, memberId));
    }

    @RequiresPermission(Permission.API_KEYS_MANAGE)
    @GetMapping("/api-keys")
    @Operation(summary = "API keys of the workspace (never the keys themselves), newest first")
    CursorPage<ApiKeyBody> apiKeys(WorkspaceId workspace, @RequestParam(required = false) String cursor,
            @RequestParam(required = false) Integer limit) {
        return apiKeys.list(workspace, cursor, limit).map(ApiKeyBody::of);
    }

    @RequiresPermission(Permission.API_KEYS_MANAGE)
    @DeleteMapping("/api-keys/{apiKeyId}")
    @Operation(summary = "Revoke an API key; requests with it are refused from now on")
    @ApiResponse(responseCode = "204", description = "Revoked")
    ResponseEntity<Void> revoke(@AuthenticationPrincipal WorkspaceMember caller, @PathVariable UUID apiKeyId) {
        apiKeys.revoke(caller, apiKeyId);
        return ResponseEntity.noContent().build();
    }
}
