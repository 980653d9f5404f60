package com.maxmysales.web;

import com.maxmysales.privacy.notice.PrivacyNotices;
import com.maxmysales.shared.Permission;
import com.maxmysales.shared.RequiresPermission;
import com.maxmysales.shared.WorkspaceId;
import com.maxmysales.tenancy.BusinessUserPrincipal;
import com.maxmysales.tenancy.OwnerNotices;
import com.maxmysales.tenancy.WorkspaceManagement;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;

@RequiresPermission(Permission.WORKSPACE_VIEW)
@Controller
class DashboardController {

    private final WorkspaceManagement workspaces;
    private final PrivacyNotices notices;
    private final OwnerNotices ownerNotices;

    DashboardController(WorkspaceManagement workspaces, PrivacyNotices notices, OwnerNotices ownerNotices) {
        this.workspaces = workspaces;
        this.notices = notices;
        this.ownerNotices = ownerNotices;
    }

    @GetMapping("/app")
    String dashboard(WorkspaceId workspace, Model model) {
        model.addAttribute("workspace", workspaces.get(workspace));
        model.addAttribute("members", workspaces.members(workspace, null, 5).items());
        // What Meta did to the workspace's numbers (a ban, a restriction...): every member sees why sends wait.
        model.addAttribute("notices", ownerNotices.open(workspace));
        return "app/dashboard";
    }

    @PostMapping("/app/privacy-notice/accept")
    String acceptNotice(@AuthenticationPrincipal BusinessUserPrincipal user) {
        notices.acceptCurrent(user.userId());
        return "redirect:/app";
    }
}
