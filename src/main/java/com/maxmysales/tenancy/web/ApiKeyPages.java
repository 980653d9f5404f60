package com.maxmysales.tenancy.web;

import java.util.Arrays;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import com.maxmysales.platform.Refusal;
import com.maxmysales.shared.Permission;
import com.maxmysales.shared.RequiresPermission;
import com.maxmysales.tenancy.ApiKeyManagement;
import com.maxmysales.tenancy.BusinessUserPrincipal;
import com.maxmysales.tenancy.Role;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The workspace's API keys: each acts with a role, at most its creator's; a new key is shown once. */
@Controller
@RequiresPermission(Permission.API_KEYS_MANAGE)
class ApiKeyPages {

    private final ApiKeyManagement apiKeys;

    ApiKeyPages(ApiKeyManagement apiKeys) {
        this.apiKeys = apiKeys;
    }

    @GetMapping("/app/settings/api-keys")
    String apiKeys(@AuthenticationPrincipal BusinessUserPrincipal user, Model model) {
        return render(user, model, null, null);
    }

    /** @param role the key's role; by default the creator's own */
    @PostMapping("/app/settings/api-keys")
    String createKey(@AuthenticationPrincipal BusinessUserPrincipal user, @RequestParam String name,
            @RequestParam(required = false) String role, HttpServletResponse response, Model model) {
        try {
            var keyRole = role == null || role.isBlank() ? user.role() : Role.fromCode(role);
            var created = apiKeys.create(user, name, keyRole);
            return render(user, model, created.key().reveal(), null);
        } catch (Refusal | IllegalArgumentException problem) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return render(user, model, null, problem.getMessage());
        }
    }

    @PostMapping("/app/settings/api-keys/{keyId}/revoke")
    String revokeKey(@AuthenticationPrincipal BusinessUserPrincipal user, @PathVariable UUID keyId,
            HttpServletResponse response, Model model) {
        try {
            apiKeys.revoke(user, keyId);
            return "redirect:/app/settings/api-keys";
        } catch (Refusal problem) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return render(user, model, null, problem.getMessage());
        }
    }

    private String render(BusinessUserPrincipal user, Model model, String newKey, String error) {
        model.addAttribute("keys", apiKeys.list(user.workspaceId(), null, 500).items());
        model.addAttribute("roles", Arrays.stream(Role.values()).filter(user.role()::covers).toList());
        // Least privilege: a new key is offered the agent's role (reads and sends conversations); more is a choice.
        model.addAttribute("defaultRole", user.role().covers(Role.AGENT) ? Role.AGENT : user.role());
        model.addAttribute("newKey", newKey);
        model.addAttribute("error", error);
        return "tenancy/api-keys";
    }
}
