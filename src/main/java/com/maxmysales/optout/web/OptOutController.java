package com.maxmysales.optout.web;

import java.util.List;
import java.util.UUID;

import com.maxmysales.optout.EmailOptOuts;
import com.maxmysales.optout.OptOutKeywords;
import com.maxmysales.optout.OptOutNumbers;
import com.maxmysales.privacy.audit.PersonalDataRead;
import com.maxmysales.shared.Permission;
import com.maxmysales.shared.RequiresPermission;
import com.maxmysales.shared.WorkspaceId;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RequiresPermission(Permission.OPTOUT_MANAGE)
@RestController
@RequestMapping("/api/v1/optout")
@Tag(name = "Opt-out", description = "Opt-out keywords, email requests and numbers")
class OptOutController {

    private final OptOutKeywords keywords;
    private final OptOutNumbers numbers;
    private final EmailOptOuts emails;

    OptOutController(OptOutKeywords keywords, OptOutNumbers numbers, EmailOptOuts emails) {
        this.keywords = keywords;
        this.numbers = numbers;
        this.emails = emails;
    }

    record Resolution(String phoneOrEmail) {}

    record Closing(String reason) {}

    @GetMapping("/keywords")
    @Operation(summary = "The workspace's own opt-out words (built-in STOP, START... and Hindi ones always apply)")
    List<OptOutKeywords.Keyword> keywords(WorkspaceId workspace) {
        return keywords.list(workspace);
    }

    @PutMapping("/keywords")
    @Operation(summary = "Replace the workspace's own words: kind stop, start, button (an unsubscribe payload) or ignore (a built-in word not to use)")
    List<OptOutKeywords.Keyword> replace(WorkspaceId workspace, @RequestBody List<OptOutKeywords.Keyword> body) {
        keywords.replace(workspace, body);
        return keywords.list(workspace);
    }

    @PersonalDataRead("optout.email-requests")
    @RequiresPermission(Permission.ANALYTICS_VIEW)
    @GetMapping("/stats")
    @Operation(summary = "Opt-outs by channel, median time from request to effect, and open email requests with due dates")
    OptOutNumbers.Numbers stats(WorkspaceId workspace, @RequestParam(defaultValue = "30") int days) {
        return numbers.of(workspace, days);
    }

    @PersonalDataRead("optout.email-requests")
    @GetMapping("/email-requests")
    @Operation(summary = "\"Unsubscribe\" emails about this workspace's contacts, open ones first by due date")
    List<EmailOptOuts.Request> emailRequests(WorkspaceId workspace) {
        return emails.list(workspace);
    }

    @PostMapping("/email-requests/{emailRequestId}/resolve")
    @Operation(summary = "Apply an open request to the contact with this phone number or email, and confirm by email")
    List<EmailOptOuts.Request> resolve(WorkspaceId workspace, @PathVariable UUID emailRequestId,
            @RequestBody Resolution body) {
        emails.resolve(workspace, emailRequestId, body.phoneOrEmail());
        return emails.list(workspace);
    }

    @PostMapping("/email-requests/{emailRequestId}/close")
    @Operation(summary = "Close an open request that concerns none of this workspace's contacts, with the reason")
    List<EmailOptOuts.Request> close(WorkspaceId workspace, @PathVariable UUID emailRequestId,
            @RequestBody Closing body) {
        emails.close(workspace, emailRequestId, body.reason());
        return emails.list(workspace);
    }
}
