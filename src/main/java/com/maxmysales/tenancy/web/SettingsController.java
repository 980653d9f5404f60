package com.maxmysales.tenancy.web;

import com.maxmysales.platform.ApiProblem;
import com.maxmysales.shared.WorkspaceId;
import com.maxmysales.tenancy.ApiKeyManagement;
import com.maxmysales.tenancy.BusinessUserPrincipal;
import com.maxmysales.tenancy.Role;
import com.maxmysales.tenancy.Team;
import com.maxmysales.tenancy.WorkspaceManagement;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Team members and API keys; only owners and admins reach these pages (see the security chain). */
@Controller
class SettingsController {

    private final WorkspaceManagement workspaces;
    private final ApiKeyManagement apiKeys;
    private final Team team;

    SettingsController(WorkspaceManagement workspaces, ApiKeyManagement apiKeys, Team team) {
        this.workspaces = workspaces;
        this.apiKeys = apiKeys;
        this.team = team;
    }

    @GetMapping("/app/settings/team")
    String team(WorkspaceId workspace, Model model) {
        model.addAttribute("members", workspaces.members(workspace, null, 500).items());
        model.addAttribute("inviteLink", null);
        model.addAttribute("error", null);
        return "tenancy/team";
    }

    @PostMapping("/app/settings/team/invitations")
    String invite(@AuthenticationPrincipal BusinessUserPrincipal user, @RequestParam String email,
            @RequestParam String role, HttpServletRequest request, Model model) {
        String link = null;
        String error = null;
        try {
            var token = team.invite(user, email, Role.fromCode(role));
            link = baseUrl(request) + "/invite/" + token.reveal();
        } catch (ApiProblem | IllegalArgumentException problem) {
            error = problem.getMessage();
        }
        model.addAttribute("members", workspaces.members(user.workspaceId(), null, 500).items());
        model.addAttribute("inviteLink", link);
        model.addAttribute("error", error);
        return "tenancy/team";
    }

    @GetMapping("/app/settings/api-keys")
    String apiKeys(WorkspaceId workspace, Model model) {
        return renderKeys(workspace, model, null);
    }

    @PostMapping("/app/settings/api-keys")
    String createKey(@AuthenticationPrincipal BusinessUserPrincipal user, @RequestParam String name, Model model) {
        var created = apiKeys.create(user.workspaceId(), name, user.userId());
        return renderKeys(user.workspaceId(), model, created.key().reveal());
    }

    @PostMapping("/app/settings/api-keys/{keyId}/revoke")
    String revokeKey(WorkspaceId workspace, @PathVariable java.util.UUID keyId) {
        apiKeys.revoke(workspace, keyId);
        return "redirect:/app/settings/api-keys";
    }

    private String renderKeys(WorkspaceId workspace, Model model, String newKey) {
        model.addAttribute("keys", apiKeys.list(workspace, null, 500).items());
        model.addAttribute("newKey", newKey);
        return "tenancy/api-keys";
    }

    private static String baseUrl(HttpServletRequest request) {
        return org.springframework.web.servlet.support.ServletUriComponentsBuilder.fromContextPath(request).toUriString();
    }
}
