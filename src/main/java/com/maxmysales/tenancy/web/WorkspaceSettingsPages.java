package com.maxmysales.tenancy.web;

import com.maxmysales.platform.Refusal;
import com.maxmysales.shared.Permission;
import com.maxmysales.shared.RequiresPermission;
import com.maxmysales.shared.WorkspaceId;
import com.maxmysales.tenancy.WorkspaceManagement;
import com.maxmysales.tenancy.WorkspaceProfile;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The workspace's own settings: its name, the time zone its pages count "today" in, its phone numbers' country. */
@Controller
@RequiresPermission(Permission.WORKSPACE_MANAGE)
class WorkspaceSettingsPages {

    private static final String PAGE = "/app/settings/workspace";

    private final WorkspaceManagement workspaces;

    WorkspaceSettingsPages(WorkspaceManagement workspaces) {
        this.workspaces = workspaces;
    }

    @GetMapping(PAGE)
    String page(WorkspaceId workspace, Model model) {
        var current = workspaces.get(workspace);
        return render(new WorkspaceProfile(current.name(), current.timeZone().getId(), current.defaultRegion()), model,
                null);
    }

    @PostMapping(PAGE)
    String change(WorkspaceId workspace, @RequestParam String name, @RequestParam String timeZone,
            @RequestParam String defaultRegion, HttpServletResponse response, Model model, RedirectAttributes redirect) {
        var asked = new WorkspaceProfile(name, timeZone, defaultRegion);
        try {
            workspaces.change(workspace, asked);
        } catch (Refusal refused) {
            if (refused.kind() != Refusal.Kind.INVALID) {
                throw refused;
            }
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return render(asked, model, refused.getMessage());
        }
        redirect.addFlashAttribute("saved", "yes");
        return "redirect:" + PAGE;
    }

    private static String render(WorkspaceProfile profile, Model model, String error) {
        model.addAttribute("profile", profile);
        model.addAttribute("zones", WorkspaceProfile.zones());
        model.addAttribute("regions", WorkspaceProfile.regions());
        model.addAttribute("error", error);
        return "tenancy/workspace";
    }
}
