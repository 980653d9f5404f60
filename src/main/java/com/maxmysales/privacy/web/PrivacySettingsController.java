package com.maxmysales.privacy.web;

import java.time.Duration;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import com.maxmysales.platform.Refusal;
import com.maxmysales.privacy.retention.LegalHolds;
import com.maxmysales.privacy.retention.PurgeHistory;
import com.maxmysales.privacy.retention.PurgeReport;
import com.maxmysales.privacy.retention.RetentionPurge;
import com.maxmysales.privacy.retention.WorkspaceRetention;
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

/** The workspace's privacy page: retention, legal holds and the purge history. Owners and admins only. */
@RequiresPermission(Permission.PRIVACY_MANAGE)
@Controller
class PrivacySettingsController {

    static final int HISTORY_ROWS = 50;

    private final WorkspaceRetention retention;
    private final LegalHolds holds;
    private final RetentionPurge purge;
    private final PurgeHistory history;

    PrivacySettingsController(WorkspaceRetention retention, LegalHolds holds, RetentionPurge purge, PurgeHistory history) {
        this.retention = retention;
        this.holds = holds;
        this.purge = purge;
        this.history = history;
    }

    @GetMapping("/app/settings/privacy")
    String page(WorkspaceId workspace, Model model) {
        return render(workspace, model, null, null);
    }

    @PostMapping("/app/settings/privacy/retention")
    String chooseRetention(WorkspaceId workspace, @RequestParam(required = false) Integer contentDays,
            HttpServletResponse response, Model model) {
        try {
            retention.chooseContent(workspace, contentDays == null ? null : Duration.ofDays(contentDays));
            return "redirect:/app/settings/privacy";
        } catch (Refusal problem) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return render(workspace, model, null, problem.getMessage());
        }
    }

    @PostMapping("/app/settings/privacy/legal-holds")
    String placeHold(WorkspaceId workspace, @RequestParam String recordType, @RequestParam String recordId,
            @RequestParam String reason, HttpServletResponse response, Model model) {
        try {
            holds.place(workspace, recordType, UUID.fromString(recordId.strip()), reason);
            return "redirect:/app/settings/privacy";
        } catch (Refusal | IllegalArgumentException problem) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return render(workspace, model, null, problem instanceof Refusal ? problem.getMessage()
                    : "the record id must be the id of a contact or conversation");
        }
    }

    @PostMapping("/app/settings/privacy/legal-holds/{holdId}/release")
    String releaseHold(WorkspaceId workspace, @PathVariable UUID holdId) {
        holds.release(workspace, holdId);
        return "redirect:/app/settings/privacy";
    }

    @PostMapping("/app/settings/privacy/purges/rehearsal")
    String rehearse(WorkspaceId workspace, Model model) {
        var report = purge.run(workspace, true, "web");
        return render(workspace, model, report, report.ran() ? null : "another purge is running; try again in a minute");
    }

    private String render(WorkspaceId workspace, Model model, PurgeReport rehearsal, String error) {
        model.addAttribute("contentDays", retention.content(workspace).toDays());
        model.addAttribute("maximumDays", retention.platform().content().toDays());
        model.addAttribute("chosen", retention.chosenContent(workspace).isPresent());
        model.addAttribute("holds", holds.list(workspace));
        model.addAttribute("history", history.ofWorkspace(workspace, HISTORY_ROWS));
        model.addAttribute("lastPurge", history.lastScheduledOrFull().orElse(null));
        model.addAttribute("rehearsal", rehearsal);
        model.addAttribute("error", error);
        return "privacy/settings";
    }
}
