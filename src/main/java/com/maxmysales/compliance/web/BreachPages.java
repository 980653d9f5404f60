package com.maxmysales.compliance.web;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletResponse;

import com.maxmysales.compliance.AffectedListExport;
import com.maxmysales.compliance.BreachNotices;
import com.maxmysales.compliance.BreachRegister;
import com.maxmysales.compliance.BreachReports;
import com.maxmysales.compliance.DisclosureLog;
import com.maxmysales.compliance.NewBreach;
import com.maxmysales.compliance.PrivacyContacts;
import com.maxmysales.platform.Refusal;
import com.maxmysales.privacy.audit.PersonalDataRead;
import com.maxmysales.shared.Permission;
import com.maxmysales.shared.RequiresPermission;
import com.maxmysales.shared.WorkspaceId;
import com.maxmysales.tenancy.WorkspaceManagement;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The breach register and the disclosure log in Settings, over the same services as the API: record a breach (times
 * in the workspace's time zone), open it to see its affected people, the draft report and the notice, complete it,
 * email the notices, mark the report filed; record a disclosure.
 */
@Controller
@RequiresPermission(Permission.PRIVACY_BREACHES)
class BreachPages {

    static final String BREACHES = "/app/settings/breaches";
    private static final Instant FAR_FUTURE = Instant.parse("9999-01-01T00:00:00Z");
    /** Breaches per page of the register: its newest, then "Older" pages by keyset. */
    static final int PAGE = 50;

    private final BreachRegister register;
    private final BreachReports reports;
    private final BreachNotices notices;
    private final AffectedListExport export;
    private final DisclosureLog disclosures;
    private final WorkspaceManagement workspaces;
    private final PrivacyContacts contacts;

    BreachPages(BreachRegister register, BreachReports reports, BreachNotices notices, AffectedListExport export,
            DisclosureLog disclosures, WorkspaceManagement workspaces, PrivacyContacts contacts) {
        this.contacts = contacts;
        this.register = register;
        this.reports = reports;
        this.notices = notices;
        this.export = export;
        this.disclosures = disclosures;
        this.workspaces = workspaces;
    }

    @PersonalDataRead("disclosure.read")
    @GetMapping(BREACHES)
    String page(WorkspaceId workspace, @RequestParam(required = false) @Nullable String cursor, Model model) {
        return render(workspace, cursor, model, null);
    }

    @PostMapping(BREACHES)
    String record(WorkspaceId workspace, @RequestParam(required = false) @Nullable String detectedAt,
            @RequestParam(required = false) @Nullable String exposedFrom,
            @RequestParam(required = false) @Nullable String exposedTo,
            @RequestParam(required = false) @Nullable String description,
            @RequestParam(required = false) @Nullable List<String> categories, HttpServletResponse response,
            Model model) {
        return act(workspace, response, model, () -> BREACHES + "/" + register.record(workspace, new NewBreach(
                at(workspace, detectedAt, "detected at"), description, at(workspace, exposedFrom, "exposed from"),
                at(workspace, exposedTo, "exposed until"), categories, null, null)).id());
    }

    @PostMapping(BREACHES + "/disclosures")
    String disclose(WorkspaceId workspace, @RequestParam(required = false) @Nullable String recipient,
            @RequestParam(required = false) @Nullable String legalBasis,
            @RequestParam(required = false) @Nullable String dataGiven,
            @RequestParam(required = false) @Nullable String disclosedAt,
            @RequestParam(required = false) @Nullable String reference, HttpServletResponse response, Model model) {
        return act(workspace, response, model, () -> {
            disclosures.record(workspace, new DisclosureLog.NewDisclosure(recipient, legalBasis, dataGiven,
                    disclosedAt == null || disclosedAt.isBlank() ? null : at(workspace, disclosedAt, "disclosed at"),
                    reference));
            return BREACHES + "#disclosures";
        });
    }

    @PostMapping(BREACHES + "/contact")
    String contact(WorkspaceId workspace, @RequestParam(required = false) @Nullable String name,
            @RequestParam(required = false) @Nullable String email,
            @RequestParam(required = false) @Nullable String phone, HttpServletResponse response, Model model) {
        return act(workspace, response, model, () -> {
            contacts.set(workspace, name, email, phone);
            return BREACHES + "#privacy-contact";
        });
    }

    @GetMapping(BREACHES + "/{breachId}")
    String breach(WorkspaceId workspace, @PathVariable UUID breachId,
            @RequestParam(required = false) @Nullable String done, Model model) {
        return renderBreach(workspace, breachId, model, null, done);
    }

    @PostMapping(BREACHES + "/{breachId}/description")
    String describe(WorkspaceId workspace, @PathVariable UUID breachId,
            @RequestParam(required = false) @Nullable String likelyImpact,
            @RequestParam(required = false) @Nullable String measures, HttpServletResponse response, Model model) {
        return actOn(workspace, breachId, response, model, () -> {
            register.describe(workspace, breachId, likelyImpact, measures);
            return null;
        });
    }

    @PostMapping(BREACHES + "/{breachId}/filing")
    String file(WorkspaceId workspace, @PathVariable UUID breachId,
            @RequestParam(required = false) @Nullable String reference, HttpServletResponse response, Model model) {
        return actOn(workspace, breachId, response, model, () -> {
            register.fileReport(workspace, breachId, null, reference);
            return null;
        });
    }

    @PostMapping(BREACHES + "/{breachId}/notices/email")
    String email(WorkspaceId workspace, @PathVariable UUID breachId, HttpServletResponse response, Model model) {
        return actOn(workspace, breachId, response, model, () -> {
            var sent = notices.emailAll(workspace, breachId);
            return "Emailed " + sent.sent() + "; not sent " + sent.failed() + "; without an email address "
                    + sent.withoutEmail() + " (tell them by WhatsApp template, then mark them notified).";
        });
    }

    @PostMapping(BREACHES + "/{breachId}/notices")
    String notified(WorkspaceId workspace, @PathVariable UUID breachId, @RequestParam String channel,
            HttpServletResponse response, Model model) {
        return actOn(workspace, breachId, response, model, () -> {
            var marked = register.recordNotices(workspace, breachId, List.of(), channel);
            return marked + " marked notified by " + channel + ".";
        });
    }

    @PersonalDataRead("breach.affected-export")
    @GetMapping(BREACHES + "/{breachId}/affected.csv")
    void affected(WorkspaceId workspace, @PathVariable UUID breachId, HttpServletResponse response)
            throws IOException {
        register.get(workspace, breachId);
        response.setContentType("text/csv; charset=UTF-8");
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename("breach-" + breachId + "-affected.csv").build().toString());
        export.write(workspace, breachId, response.getOutputStream());
    }

    /** A refusal is shown on the page it came from; a breach this workspace does not have is a 404. */
    private String act(WorkspaceId workspace, HttpServletResponse response, Model model, Supplier<String> action) {
        try {
            return "redirect:" + action.get();
        } catch (Refusal refused) {
            if (refused.kind() == Refusal.Kind.NOT_FOUND) {
                throw refused;
            }
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return render(workspace, null, model, refused.getMessage());
        }
    }

    private String actOn(WorkspaceId workspace, UUID breachId, HttpServletResponse response, Model model,
            Supplier<@Nullable String> action) {
        try {
            var said = action.get();
            return "redirect:" + BREACHES + "/" + breachId + (said == null ? "" : "?done=" + java.net.URLEncoder
                    .encode(said, java.nio.charset.StandardCharsets.UTF_8));
        } catch (Refusal refused) {
            if (refused.kind() == Refusal.Kind.NOT_FOUND) {
                throw refused;
            }
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return renderBreach(workspace, breachId, model, refused.getMessage(), null);
        }
    }

    private String render(WorkspaceId workspace, @Nullable String cursor, Model model, @Nullable String error) {
        var breaches = register.page(workspace, cursor, PAGE);
        model.addAttribute("breaches", breaches.items());
        model.addAttribute("olderCursor", breaches.nextCursor());
        model.addAttribute("paged", cursor != null && !cursor.isBlank());
        model.addAttribute("categories", List.copyOf(register.categories()));
        model.addAttribute("disclosures", disclosures.between(workspace, Instant.EPOCH, FAR_FUTURE));
        model.addAttribute("contact", contacts.of(workspace).orElse(null));
        model.addAttribute("operatorContact", reports.operatorContact());
        model.addAttribute("error", error);
        return "compliance/breaches";
    }

    private String renderBreach(WorkspaceId workspace, UUID breachId, Model model, @Nullable String error,
            @Nullable String done) {
        model.addAttribute("breach", register.get(workspace, breachId));
        model.addAttribute("report", reports.draft(workspace, breachId));
        model.addAttribute("error", error);
        model.addAttribute("done", done);
        return "compliance/breach";
    }

    private @Nullable Instant at(WorkspaceId workspace, @Nullable String local, String what) {
        if (local == null || local.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(local.strip()).atZone(workspaces.get(workspace).timeZone()).toInstant();
        } catch (DateTimeParseException e) {
            throw Refusal.invalid("invalid-breach", "Invalid breach", what + " must be a date and time");
        }
    }
}
