package com.maxmysales.web;

import com.maxmysales.shared.Permission;
import com.maxmysales.shared.RequiresPermission;
import com.maxmysales.tenancy.BusinessUserPrincipal;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The settings index: the sections the member's role may open, and nothing else. */
@Controller
@RequiresPermission(Permission.WORKSPACE_VIEW)
class SettingsIndexController {

    @GetMapping("/app/settings")
    String settings(@AuthenticationPrincipal BusinessUserPrincipal user, Model model) {
        model.addAttribute("sections", SettingsSection.ALL.stream()
                .filter(section -> user.role().allows(section.permission())).toList());
        return "settings/index";
    }
}
