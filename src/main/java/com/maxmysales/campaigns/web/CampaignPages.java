package com.maxmysales.campaigns.web;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import com.maxmysales.campaigns.CampaignRules;
import com.maxmysales.campaigns.CampaignStatus;
import com.maxmysales.campaigns.Campaign;
import com.maxmysales.campaigns.Campaigns;
import com.maxmysales.campaigns.QuietHours;
import com.maxmysales.campaigns.RecipientExport;
import com.maxmysales.campaigns.RecipientStatus;
import com.maxmysales.campaigns.WorkspaceCampaignRules;
import com.maxmysales.platform.Refusal;
import com.maxmysales.privacy.audit.PersonalDataRead;
import com.maxmysales.shared.Permission;
import com.maxmysales.shared.RequiresPermission;
import com.maxmysales.shared.WorkspaceId;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The campaigns' pages: the list with status and progress, a new campaign (template, audience, variables, when),
 * and a campaign's page: before launch who gets it and who does not and why, with three recipients' values; while it
 * runs a progress bar polled by htmx; the funnel with rates, failures in words, the STOP rate and the recipients.
 */
@Controller
@RequiresPermission(Permission.CAMPAIGNS_MANAGE)
class CampaignPages {

    private static final String CAMPAIGNS = "/app/campaigns";

    private final Campaigns campaigns;
    private final RecipientExport export;
    private final WorkspaceCampaignRules rules;
    private final QuietHours quietHours;

    CampaignPages(Campaigns campaigns, RecipientExport export, WorkspaceCampaignRules rules, QuietHours quietHours) {
        this.campaigns = campaigns;
        this.export = export;
        this.rules = rules;
        this.quietHours = quietHours;
    }

    private CampaignView view(WorkspaceId workspace, Campaign campaign) {
        return CampaignView.of(campaign, quietHours.sendingResumesAt(campaign), campaigns.counts(workspace, campaign.id()));
    }

    @GetMapping(CAMPAIGNS)
    String list(WorkspaceId workspace, Model model) {
        model.addAttribute("campaigns", campaigns.list(workspace, null, 100).items().stream()
                .map(campaign -> view(workspace, campaign)).toList());
        model.addAttribute("rules", rules.of(workspace));
        return "campaigns/list";
    }

    @GetMapping(CAMPAIGNS + "/new")
    String form(WorkspaceId workspace, @RequestParam(required = false) String template, Model model) {
        return render(workspace, model, Map.of("template", template == null ? "" : template), null);
    }

    @PostMapping(CAMPAIGNS + "/new")
    String create(WorkspaceId workspace, @RequestParam Map<String, String> form,
            @RequestParam(name = "audienceFile", required = false) @Nullable MultipartFile file,
            HttpServletResponse response, Model model) throws IOException {
        var missing = CampaignForm.missing(form, file != null && !file.isEmpty());
        if (missing != null) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return render(workspace, model, form, missing);
        }
        try {
            if ("csv".equals(form.get("audience")) && file != null) {
                try (var in = file.getInputStream()) {
                    var created = campaigns.createFromCsv(workspace, CampaignForm.asked(form), file.getOriginalFilename(), in,
                            form.get("consentBasis"));
                    return "redirect:" + CAMPAIGNS + "/" + created.id();
                }
            }
            var created = campaigns.create(workspace, CampaignForm.asked(form));
            return "redirect:" + CAMPAIGNS + "/" + created.id();
        } catch (Refusal refused) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return render(workspace, model, form, CampaignForm.inWords(refused.getMessage(), form));
        }
    }

    private String render(WorkspaceId workspace, Model model, Map<String, String> form, String error) {
        var templates = campaigns.approvedTemplates(workspace);
        var chosen = templates.stream().filter(t -> (t.name() + "|" + t.language()).equals(form.get("template")))
                .findFirst().orElse(templates.isEmpty() ? null : templates.getFirst());
        model.addAttribute("templates", templates);
        model.addAttribute("chosen", chosen);
        model.addAttribute("audiences", campaigns.audiences(workspace));
        model.addAttribute("form", form);
        model.addAttribute("error", error);
        model.addAttribute("quietUntil", quietHours.endAfterNow(workspace));
        return "campaigns/new";
    }

    @GetMapping(CAMPAIGNS + "/{id}")
    @PersonalDataRead("campaign.read")
    String campaign(WorkspaceId workspace, @PathVariable UUID id, @RequestParam(required = false) String status,
            @RequestParam(required = false) String confirm, Model model) {
        var campaign = campaigns.get(workspace, id);
        var filter = status == null || status.isBlank() ? null : RecipientStatus.fromCode(status).orElse(null);
        model.addAttribute("campaign", view(workspace, campaign));
        model.addAttribute("launchWaitsUntil", campaign.status() == CampaignStatus.DRAFT ? quietHours.launchWaitsUntil(campaign) : null);
        model.addAttribute("preview", campaign.status() == CampaignStatus.DRAFT || campaign.status() == CampaignStatus.SCHEDULED
                ? campaigns.preview(workspace, id) : null);
        live(workspace, id, filter, model);
        model.addAttribute("audienceImport", campaigns.audienceImport(workspace, id).orElse(null));
        model.addAttribute("rules", rulesInWords(rules.of(workspace)));
        model.addAttribute("confirm", "launch".equals(confirm) || "cancel".equals(confirm) ? confirm : null);
        return "campaigns/campaign";
    }

    /**
     * The live part of a campaign's page (actions, progress, funnel, failures, recipients), polled every two
     * seconds while it runs; once it has ended the answer polls no more, and offers no pause or cancel.
     */
    @GetMapping(CAMPAIGNS + "/{id}/progress")
    @PersonalDataRead("campaign.read")
    String progress(WorkspaceId workspace, @PathVariable UUID id, @RequestParam(required = false) String status,
            Model model) {
        var campaign = campaigns.get(workspace, id);
        model.addAttribute("campaign", view(workspace, campaign));
        live(workspace, id, status == null || status.isBlank() ? null : RecipientStatus.fromCode(status).orElse(null), model);
        return "campaigns/live";
    }

    /**
     * The import of a campaign's CSV audience, polled every second while it runs (a bar with its counts). The poll
     * that finds it finished reloads the page ({@code HX-Refresh}): the audience, its exclusions and Launch are then
     * read from the imported contacts, and the finished import is shown without polling.
     */
    @GetMapping(CAMPAIGNS + "/{id}/audience-import")
    String audienceImport(WorkspaceId workspace, @PathVariable UUID id, HttpServletResponse response, Model model) {
        var job = campaigns.audienceImport(workspace, id).orElseThrow(() -> Refusal.notFound("audience import of campaign " + id));
        if (job.finished()) {
            response.setHeader("HX-Refresh", "true");
        }
        model.addAttribute("campaignId", id);
        model.addAttribute("job", job);
        return "campaigns/audience-import";
    }

    private void live(WorkspaceId workspace, UUID id, RecipientStatus filter, Model model) {
        model.addAttribute("exclusions", campaigns.exclusions(workspace, id));
        model.addAttribute("failures", campaigns.failures(workspace, id));
        model.addAttribute("recipients", campaigns.named(workspace, id, filter, 100));
        model.addAttribute("overTime", campaigns.overTime(workspace, id));
        model.addAttribute("filter", filter == null ? "" : filter.code());
    }

    /** The workspace's rules for every campaign, changed on the campaigns page (as {@code PUT /api/v1/campaigns/settings}). */
    @PostMapping(CAMPAIGNS + "/rules")
    String changeRules(WorkspaceId workspace, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        try {
            rules.change(workspace, new CampaignRules(LocalTime.parse(form.getOrDefault("quietStart", "")),
                    LocalTime.parse(form.getOrDefault("quietEnd", "")), Integer.parseInt(form.getOrDefault("frequencyCap", "")),
                    Integer.parseInt(form.getOrDefault("frequencyDays", "")),
                    Integer.parseInt(form.getOrDefault("replyWindowHours", ""))));
            redirect.addFlashAttribute("rulesSaved", true);
        } catch (DateTimeParseException | NumberFormatException e) {
            redirect.addFlashAttribute("rulesError", "Quiet hours are times of day such as 21:00; the cap, its days and the reply window are whole numbers.");
        } catch (Refusal refused) {
            redirect.addFlashAttribute("rulesError", refused.getMessage());
        }
        return "redirect:" + CAMPAIGNS + "#rules";
    }

    static String rulesInWords(CampaignRules rules) {
        var quiet = rules.quietStart().equals(rules.quietEnd()) ? "No quiet hours"
                : "No sending between " + rules.quietStart() + " and " + rules.quietEnd() + " (the workspace's time)";
        return quiet + " · at most " + rules.frequencyCap() + " campaign message" + (rules.frequencyCap() == 1 ? "" : "s")
                + " per person in " + rules.frequencyDays() + " day" + (rules.frequencyDays() == 1 ? "" : "s");
    }

    @PostMapping(CAMPAIGNS + "/{id}/{action:launch|pause|resume|cancel}")
    String act(WorkspaceId workspace, @PathVariable UUID id, @PathVariable String action, RedirectAttributes redirect) {
        try {
            switch (action) {
                case "launch" -> campaigns.launch(workspace, id);
                case "pause" -> campaigns.pause(workspace, id);
                case "resume" -> campaigns.resume(workspace, id);
                default -> campaigns.cancel(workspace, id);
            }
        } catch (Refusal refused) {
            if (refused.kind() == Refusal.Kind.NOT_FOUND) {
                throw refused;
            }
            redirect.addFlashAttribute("actionError", refused.getMessage());
        }
        return "redirect:" + CAMPAIGNS + "/" + id;
    }

    @GetMapping(CAMPAIGNS + "/{id}/recipients.csv")
    @PersonalDataRead("campaign.recipients.export")
    void recipients(WorkspaceId workspace, @PathVariable UUID id, HttpServletResponse response) throws IOException {
        campaigns.get(workspace, id);
        response.setContentType("text/csv; charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"campaign-" + id + "-recipients.csv\"");
        var out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        export.write(workspace, id, out);
        out.flush();
    }
}
