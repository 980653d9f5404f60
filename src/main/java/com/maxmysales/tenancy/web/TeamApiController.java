package com.maxmysales.tenancy.web;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import com.maxmysales.platform.Refusal;
import com.maxmysales.shared.EmailAddress;
import com.maxmysales.shared.Permission;
import com.maxmysales.shared.RequiresPermission;
import com.maxmysales.shared.WorkspaceId;
import com.maxmysales.tenancy.Invitation;
import com.maxmysales.tenancy.MemberChanges;
import com.maxmysales.tenancy.MemberStatus;
import com.maxmysales.tenancy.PasswordResets;
import com.maxmysales.tenancy.Role;
import com.maxmysales.tenancy.Team;
import com.maxmysales.tenancy.WorkspaceManagement;
import com.maxmysales.tenancy.WorkspaceMember;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Managing the team over the API, with the same rules as the team page: owners and admins (or keys with their
 * role) manage agents and analysts, only the owner manages admins, nobody the owner. Every change is audited.
 */
@RestController
@RequestMapping("/api/v1")
@RequiresPermission(Permission.MEMBERS_MANAGE)
@Tag(name = "Workspace")
class TeamApiController {

    private final WorkspaceManagement workspaces;
    private final MemberChanges changes;
    private final PasswordResets resets;
    private final Team team;

    TeamApiController(WorkspaceManagement workspaces, MemberChanges changes, PasswordResets resets, Team team) {
        this.workspaces = workspaces;
        this.changes = changes;
        this.resets = resets;
        this.team = team;
    }

    /** @param status {@code active} or {@code disabled} */
    record MemberChange(String role, String status) {}

    record ResetLink(String link, Instant expiresAt) {}

    record NewInvitationRequest(String email, String role) {}

    record InvitationBody(UUID id, String email, String role, Instant createdAt, Instant expiresAt, String link) {
        static InvitationBody of(Invitation invitation) {
            return new InvitationBody(invitation.id(), invitation.email(), invitation.role().code(),
                    invitation.createdAt(), invitation.expiresAt(), null);
        }
    }

    @PatchMapping("/members/{memberId}")
    @Operation(summary = "Change a member's role and/or status (active, disabled); disabling signs them out at once")
    @ApiResponse(responseCode = "400", description = "`invalid-role`")
    @ApiResponse(responseCode = "409", description = "`own-membership`: nobody changes their own role or status")
    WorkspaceApiController.MemberBody change(@AuthenticationPrincipal WorkspaceMember actor,
            @PathVariable UUID memberId, @RequestBody MemberChange change) {
        var member = workspaces.member(actor.workspaceId(), memberId);
        if (change.role() == null && change.status() == null) {
            throw invalid("give role and/or status");
        }
        if (change.role() != null) {
            member = changes.changeRole(actor, memberId, role(change.role()));
        }
        if (change.status() != null) {
            member = switch (status(change.status())) {
                case ACTIVE -> changes.enable(actor, memberId);
                case DISABLED -> changes.disable(actor, memberId);
                case REMOVED -> throw invalid("status is active or disabled; remove a member with DELETE");
            };
        }
        return WorkspaceApiController.MemberBody.of(member);
    }

    @DeleteMapping("/members/{memberId}")
    @Operation(summary = "Remove a member for good: signed out at once, their email, name and password erased, the "
            + "API keys they created revoked")
    @ApiResponse(responseCode = "204", description = "Removed")
    ResponseEntity<Void> remove(@AuthenticationPrincipal WorkspaceMember actor, @PathVariable UUID memberId) {
        changes.remove(actor, memberId);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/members/{memberId}/password-reset")
    @Operation(summary = "Reset a member's password: it stops working and they are signed out at once; the answer's "
            + "one-time link (shown once) lets them choose a new one")
    @ApiResponse(responseCode = "201", description = "Reset; the link is shown once")
    ResponseEntity<ResetLink> resetPassword(@AuthenticationPrincipal WorkspaceMember actor,
            @PathVariable UUID memberId, HttpServletRequest request) {
        var reset = resets.issue(actor, memberId);
        return ResponseEntity.status(HttpStatus.CREATED).cacheControl(CacheControl.noStore())
                .body(new ResetLink(baseUrl(request) + "/password-reset/" + reset.token().reveal(), reset.expiresAt()));
    }

    @GetMapping("/invitations")
    @Operation(summary = "Open invitations (never their links), newest first")
    List<InvitationBody> invitations(WorkspaceId workspace) {
        return team.invitations(workspace).stream().map(InvitationBody::of).toList();
    }

    @PostMapping("/invitations")
    @Operation(summary = "Invite someone by email with a role; the answer's one-time link (shown once) is for them")
    @ApiResponse(responseCode = "201", description = "Invited; the link is shown once")
    @ApiResponse(responseCode = "400", description = "`invalid-role`")
    @ApiResponse(responseCode = "409", description = "`member-exists`: this email has an account")
    ResponseEntity<InvitationBody> invite(@AuthenticationPrincipal WorkspaceMember actor,
            @RequestBody NewInvitationRequest request, HttpServletRequest http) {
        if (request.role() == null) {
            throw invalid("role is required: admin, agent or analyst");
        }
        var created = team.invite(actor, request.email(), role(request.role()));
        var body = new InvitationBody(created.id(), EmailAddress.of(request.email()).value(),
                request.role(), null, created.expiresAt(), baseUrl(http) + "/invite/" + created.token().reveal());
        return ResponseEntity.created(URI.create("/api/v1/invitations/" + created.id()))
                .cacheControl(CacheControl.noStore()).body(body);
    }

    @DeleteMapping("/invitations/{invitationId}")
    @Operation(summary = "Revoke an open invitation: its link stops working")
    @ApiResponse(responseCode = "204", description = "Revoked")
    ResponseEntity<Void> revoke(@AuthenticationPrincipal WorkspaceMember actor, @PathVariable UUID invitationId) {
        team.revoke(actor, invitationId);
        return ResponseEntity.noContent().build();
    }

    private static Role role(String code) {
        try {
            return Role.fromCode(code);
        } catch (IllegalArgumentException unknown) {
            throw invalid("role is owner, admin, agent or analyst");
        }
    }

    private static MemberStatus status(String code) {
        try {
            return MemberStatus.fromCode(code);
        } catch (IllegalArgumentException unknown) {
            throw invalid("status is active or disabled");
        }
    }

    private static Refusal invalid(String detail) {
        return Refusal.invalid("invalid-request", "Invalid request", detail);
    }

    private static String baseUrl(HttpServletRequest request) {
        return ServletUriComponentsBuilder.fromContextPath(request).toUriString();
    }
}
