package com.maxmysales.tenancy.web;

import java.net.URI;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import com.maxmysales.shared.Permission;
import com.maxmysales.shared.RequiresPermission;
import com.maxmysales.tenancy.WorkspaceManagement;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RequiresPermission(Permission.OPERATOR)
@RestController
@RequestMapping("/api/v1/admin/workspaces")
@Tag(name = "Operator", description = "Operator-only endpoints, authenticated by maxmysales.admin-token")
class AdminWorkspaceController {

    private final WorkspaceManagement workspaces;

    AdminWorkspaceController(WorkspaceManagement workspaces) {
        this.workspaces = workspaces;
    }

    record CreateWorkspace(@NotBlank @Size(max = 120) String name) {}

    record CreatedWorkspace(UUID id, String apiKey) {}

    @PostMapping
    @Operation(summary = "Create a workspace", description = "Answers with the workspace's first API key, shown only this once.")
    @ApiResponse(responseCode = "201", description = "Created; the API key is shown only this once")
    ResponseEntity<CreatedWorkspace> create(@Valid @RequestBody CreateWorkspace request) {
        var created = workspaces.createWithApiKey(request.name());
        return ResponseEntity.created(URI.create("/api/v1/workspace"))
                .cacheControl(CacheControl.noStore())
                .body(new CreatedWorkspace(created.id().value(), created.apiKey().key().reveal()));
    }
}
