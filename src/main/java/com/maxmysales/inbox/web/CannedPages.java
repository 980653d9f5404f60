package com.maxmysales.inbox.web;

import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import com.maxmysales.inbox.CannedResponses;
import com.maxmysales.platform.Refusal;
import com.maxmysales.shared.Permission;
import com.maxmysales.shared.RequiresPermission;
import com.maxmysales.shared.WorkspaceId;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The canned responses page: the workspace's saved replies, added and deleted by its agents. */
@RequiresPermission(Permission.MESSAGES_SEND)
@Controller
class CannedPages {

    private final CannedResponses canned;

    CannedPages(CannedResponses canned) {
        this.canned = canned;
    }

    @GetMapping("/app/inbox/canned")
    String list(WorkspaceId workspace, Model model) {
        return render(workspace, null, model);
    }

    @PostMapping("/app/inbox/canned")
    String create(WorkspaceId workspace, @RequestParam(defaultValue = "") String shortcut,
            @RequestParam(defaultValue = "") String text, HttpServletResponse response, Model model) {
        try {
            canned.create(workspace, shortcut, text);
        } catch (Refusal refused) {
            response.setStatus(refused.kind() == Refusal.Kind.CONFLICT ? HttpStatus.CONFLICT.value()
                    : HttpStatus.UNPROCESSABLE_CONTENT.value());
            return render(workspace, refused.getMessage(), model);
        }
        return "redirect:/app/inbox/canned";
    }

    @PostMapping("/app/inbox/canned/{cannedResponseId}/delete")
    String delete(WorkspaceId workspace, @PathVariable UUID cannedResponseId) {
        canned.delete(workspace, cannedResponseId);
        return "redirect:/app/inbox/canned";
    }

    private String render(WorkspaceId workspace, @Nullable String error, Model model) {
        model.addAttribute("canned", canned.list(workspace));
        model.addAttribute("error", error);
        return "inbox/thread-canned";
    }
}
