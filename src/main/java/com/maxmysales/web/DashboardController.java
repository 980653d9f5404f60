package com.maxmysales.web;

import java.util.UUID;

import com.maxmysales.platform.Refusal;
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
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

@RequiresPermission(Permission.WORKSPACE_VIEW)
@Controller
class DashboardController {

    private final WorkspaceManagement workspaces;
    private final PrivacyNotices notices;
    private final OwnerNotices ownerNotices;
    private final Dashboard dashboard;

    DashboardController(WorkspaceManagement workspaces, PrivacyNotices notices, OwnerNotices ownerNotices,
            Dashboard dashboard) {
        this.workspaces = workspaces;
        this.notices = notices;
        this.ownerNotices = ownerNotices;
        this.dashboard = dashboard;
    }

    /** Counts for every role (an analyst's too: no message, name or number is shown here). */
    @GetMapping("/app")
    String dashboard(WorkspaceId workspace, @AuthenticationPrincipal BusinessUserPrincipal user, Model model) {
        var current = workspaces.get(workspace);
        model.addAttribute("workspace", current);
        model.addAttribute("today", dashboard.today(workspace, current.timeZone()));
        model.addAttribute("attention", dashboard.attention(workspace, current.timeZone()));
        model.addAttribute("onboarding", dashboard.onboarding(workspace));
        // What Meta did to the workspace's numbers (a ban, a restriction...): every member sees why sends wait.
        var dismissed = dashboard.dismissedNotices(workspace, user.userId());
        model.addAttribute("notices", ownerNotices.open(workspace).stream()
                .filter(notice -> !dismissed.contains(notice.id())).toList());
        return "app/dashboard";
    }

    /** The checklist is the owners' and admins' to hide: they are the ones who set the workspace up. */
    @RequiresPermission(Permission.MEMBERS_MANAGE)
    @PostMapping("/app/onboarding/dismiss")
    String dismissOnboarding(WorkspaceId workspace, @AuthenticationPrincipal BusinessUserPrincipal user) {
        dashboard.dismissOnboarding(workspace, user.userId());
        return "redirect:/app";
    }

    /** Each member hides a notice for themselves only; another workspace's notice, or a closed one, is a 404. */
    @PostMapping("/app/notices/{noticeId}/dismiss")
    String dismissNotice(WorkspaceId workspace, @PathVariable UUID noticeId,
            @AuthenticationPrincipal BusinessUserPrincipal user) {
        if (!dashboard.dismissNotice(workspace, user.userId(), noticeId)) {
            throw Refusal.notFound("notice");
        }
        return "redirect:/app";
    }

    @PostMapping("/app/privacy-notice/accept")
    String acceptNotice(@AuthenticationPrincipal BusinessUserPrincipal user) {
        notices.acceptCurrent(user.userId());
        return "redirect:/app";
    }
}
