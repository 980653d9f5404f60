package com.maxmysales.optout.web;

import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import com.maxmysales.optout.EmailOptOuts;
import com.maxmysales.optout.OptOutNumbers;
import com.maxmysales.platform.Refusal;
import com.maxmysales.privacy.audit.PersonalDataRead;
import com.maxmysales.shared.Permission;
import com.maxmysales.shared.RequiresPermission;
import com.maxmysales.shared.WorkspaceId;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The opt-out page: numbers, and the email requests with their deadlines and the review queue. */
@RequiresPermission(Permission.OPTOUT_MANAGE)
@Controller
class OptOutPages {

    private final OptOutNumbers numbers;
    private final EmailOptOuts emails;

    OptOutPages(OptOutNumbers numbers, EmailOptOuts emails) {
        this.numbers = numbers;
        this.emails = emails;
    }

    @PersonalDataRead("optout.email-requests")
    @GetMapping("/app/optout")
    String page(WorkspaceId workspace, @RequestParam(defaultValue = "30") int days, Model model) {
        return render(workspace, days, null, model);
    }

    @PostMapping("/app/optout/email-requests/{requestId}/resolve")
    String resolve(WorkspaceId workspace, @PathVariable UUID requestId, @RequestParam String phoneOrEmail,
            HttpServletResponse response, Model model) {
        try {
            emails.resolve(workspace, requestId, phoneOrEmail);
        } catch (Refusal problem) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return render(workspace, 30, problem.getMessage(), model);
        }
        return "redirect:/app/optout";
    }

    @PostMapping("/app/optout/email-requests/{requestId}/close")
    String close(WorkspaceId workspace, @PathVariable UUID requestId, @RequestParam String reason) {
        emails.close(workspace, requestId, reason);
        return "redirect:/app/optout";
    }

    private String render(WorkspaceId workspace, int days, String error, Model model) {
        model.addAttribute("numbers", numbers.of(workspace, days));
        model.addAttribute("days", days);
        model.addAttribute("requests", emails.list(workspace));
        model.addAttribute("error", error);
        return "optout/page";
    }
}
