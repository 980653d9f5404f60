package com.maxmysales.privacy.web;

import java.time.Clock;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import com.maxmysales.platform.Refusal;
import com.maxmysales.privacy.requests.AccessExports;
import com.maxmysales.privacy.requests.NewPrivacyRequest;
import com.maxmysales.privacy.requests.PrivacyRequests;
import com.maxmysales.shared.Permission;
import com.maxmysales.shared.RequiresPermission;
import com.maxmysales.shared.WorkspaceId;

import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Data-principal requests in the web app, over the same service as the API: file one on a caller's behalf (the
 * business knows them: fulfilled at once) or for a person to verify with a one-time code, relay their code, send
 * a new one, refuse with a reason, answer a grievance, download an access export.
 */
@Controller
@RequiresPermission(Permission.PRIVACY_REQUESTS)
class PrivacyRequestPages {

    private static final String REQUESTS = "/app/settings/privacy-requests";
    private static final int SHOWN = 100;

    private final PrivacyRequests requests;
    private final AccessExports exports;
    private final Clock clock;

    PrivacyRequestPages(PrivacyRequests requests, AccessExports exports, Clock clock) {
        this.requests = requests;
        this.exports = exports;
        this.clock = clock;
    }

    @GetMapping(REQUESTS)
    String page(WorkspaceId workspace, Model model) {
        return render(workspace, model, null);
    }

    @PostMapping(REQUESTS)
    String file(WorkspaceId workspace, @RequestParam String type, @RequestParam(defaultValue = "business") String requestedBy,
            @RequestParam(required = false) String phone, @RequestParam(required = false) String email,
            @RequestParam(required = false) String name, @RequestParam(required = false) String correctedEmail,
            @RequestParam(required = false) String message, @RequestParam(required = false) String verifyBy,
            HttpServletResponse response, Model model) {
        return act(workspace, response, model, () -> requests.file(workspace, new NewPrivacyRequest(type, requestedBy,
                blankToNull(phone), blankToNull(email), blankToNull(name), blankToNull(correctedEmail),
                blankToNull(message), blankToNull(verifyBy))));
    }

    @PostMapping(REQUESTS + "/{requestId}/verification")
    String verify(WorkspaceId workspace, @PathVariable UUID requestId, @RequestParam String code,
            HttpServletResponse response, Model model) {
        return act(workspace, response, model, () -> requests.verify(workspace, requestId, code.strip()));
    }

    @PostMapping(REQUESTS + "/{requestId}/verification-code")
    String resend(WorkspaceId workspace, @PathVariable UUID requestId, HttpServletResponse response, Model model) {
        return act(workspace, response, model, () -> requests.resendCode(workspace, requestId));
    }

    @PostMapping(REQUESTS + "/{requestId}/refusal")
    String refuse(WorkspaceId workspace, @PathVariable UUID requestId, @RequestParam String reason,
            @RequestParam(required = false) String detail, HttpServletResponse response, Model model) {
        return act(workspace, response, model, () -> requests.refuse(workspace, requestId, reason, blankToNull(detail)));
    }

    @PostMapping(REQUESTS + "/{requestId}/resolution")
    String resolve(WorkspaceId workspace, @PathVariable UUID requestId, @RequestParam String answer,
            HttpServletResponse response, Model model) {
        return act(workspace, response, model, () -> requests.resolve(workspace, requestId, answer));
    }

    @GetMapping(REQUESTS + "/{requestId}/export.zip")
    ResponseEntity<byte[]> export(WorkspaceId workspace, @PathVariable UUID requestId) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/zip"))
                .cacheControl(CacheControl.noStore())
                .header("Content-Disposition", ContentDisposition.attachment()
                        .filename("privacy-export-" + requestId + ".zip").build().toString())
                .body(exports.zip(workspace, requestId));
    }

    /** A refusal of the service is shown on the page; one for a request this workspace does not have is a 404. */
    private String act(WorkspaceId workspace, HttpServletResponse response, Model model, Runnable action) {
        try {
            action.run();
            return "redirect:" + REQUESTS;
        } catch (Refusal refused) {
            if (refused.kind() == Refusal.Kind.NOT_FOUND) {
                throw refused;
            }
            response.setStatus(refused.kind() == Refusal.Kind.CONFLICT ? HttpStatus.CONFLICT.value()
                    : HttpStatus.UNPROCESSABLE_CONTENT.value());
            return render(workspace, model, refused.getMessage());
        }
    }

    private String render(WorkspaceId workspace, Model model, @Nullable String error) {
        var now = clock.instant();
        model.addAttribute("requests", requests.list(workspace, null, SHOWN));
        model.addAttribute("now", now);
        model.addAttribute("error", error);
        return "privacy/requests";
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
