package com.maxmysales.leads.web;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;

import com.maxmysales.leads.FollowUpRule;
import com.maxmysales.leads.LeadQueries;
import com.maxmysales.leads.LeadSource;
import com.maxmysales.leads.LeadSources;
import com.maxmysales.leads.LeadsSettings;
import com.maxmysales.leads.TestLeads;
import com.maxmysales.platform.Refusal;
import com.maxmysales.privacy.audit.PersonalDataRead;
import com.maxmysales.shared.Permission;
import com.maxmysales.shared.RequiresPermission;
import com.maxmysales.shared.Secret;
import com.maxmysales.shared.WorkspaceId;
import com.maxmysales.tenancy.Member;
import com.maxmysales.tenancy.WorkspaceManagement;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The leads pages: the list with filters, one lead with its answers and follow-up, and the sources. */
@RequiresPermission(Permission.LEAD_SOURCES_MANAGE)
@Controller
class LeadPages {

    private final LeadQueries leads;
    private final LeadSources sources;
    private final WorkspaceManagement workspaces;
    private final WebhookUrls urls;
    private final TestLeads testLeads;
    private final LeadsSettings settings;

    LeadPages(LeadQueries leads, LeadSources sources, WorkspaceManagement workspaces, WebhookUrls urls,
            TestLeads testLeads, LeadsSettings settings) {
        this.settings = settings;
        this.urls = urls;
        this.testLeads = testLeads;
        this.leads = leads;
        this.sources = sources;
        this.workspaces = workspaces;
    }

    @PersonalDataRead("lead.list")
    @RequiresPermission(Permission.LEADS_READ)
    @GetMapping("/app/leads")
    String list(WorkspaceId workspace, @RequestParam(required = false) UUID sourceId,
            @RequestParam(required = false) String formId, @RequestParam(required = false) String campaignId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) String cursor, Model model) {
        var filter = new LeadQueries.Filter(sourceId, formId, campaignId,
                from == null ? null : from.atStartOfDay(ZoneOffset.UTC).toInstant(),
                to == null ? null : to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
        var page = leads.page(workspace, filter, cursor, 50);
        model.addAttribute("leads", page.items());
        model.addAttribute("nextCursor", page.nextCursor());
        model.addAttribute("sources", sources.list(workspace));
        model.addAttribute("sourceId", sourceId);
        model.addAttribute("formId", formId);
        model.addAttribute("campaignId", campaignId);
        model.addAttribute("from", from == null ? "" : from.toString());
        model.addAttribute("to", to == null ? "" : to.toString());
        return "leads/list";
    }

    @PersonalDataRead("lead.read")
    @RequiresPermission(Permission.LEADS_READ)
    @GetMapping("/app/leads/{leadId}")
    String lead(WorkspaceId workspace, @PathVariable UUID leadId, Model model) {
        var lead = leads.get(workspace, leadId);
        model.addAttribute("lead", lead);
        model.addAttribute("source", sources.get(workspace, lead.sourceId()));
        model.addAttribute("assignee", lead.followUp().assigneeId() == null ? null
                : names(workspace).getOrDefault(lead.followUp().assigneeId(), "a former member"));
        return "leads/lead";
    }

    @GetMapping("/app/leads/sources")
    String sources(WorkspaceId workspace, Model model) {
        return renderSources(workspace, null, null, null, model);
    }

    @PostMapping("/app/leads/sources/google")
    String addGoogle(WorkspaceId workspace, @RequestParam String name, @RequestParam(required = false) String key,
            HttpServletResponse response, Model model) {
        try {
            var created = sources.createGoogle(workspace, name, key, null);
            return renderSources(workspace, created.source(), created.key(), null, model);
        } catch (Refusal problem) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return renderSources(workspace, null, null, problem.getMessage(), model);
        }
    }

    @PostMapping("/app/leads/sources/meta")
    String addMeta(WorkspaceId workspace, @RequestParam String name, @RequestParam String pageId,
            @RequestParam String pageAccessToken, @RequestParam(required = false) String forms,
            HttpServletResponse response, Model model) {
        try {
            var formIds = forms == null || forms.isBlank() ? List.<String>of() : List.of(forms.split("[,\\s]+"));
            var created = sources.createMeta(workspace, name, pageId, Secret.of(pageAccessToken), formIds, null);
            return renderSources(workspace, created, null, null, model);
        } catch (Refusal problem) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return renderSources(workspace, null, null, problem.getMessage(), model);
        }
    }

    /** @param variables one answer key a line, optionally {@code key|fallback} */
    @PostMapping("/app/leads/sources/{leadSourceId}/follow-up")
    String setFollowUp(WorkspaceId workspace, @PathVariable UUID leadSourceId, @RequestParam String templateName,
            @RequestParam(defaultValue = "en") String language, @RequestParam(defaultValue = "") String variables,
            @RequestParam(defaultValue = "0") int delaySeconds, HttpServletResponse response, Model model) {
        try {
            FollowUpRule rule = null;
            if (!templateName.isBlank()) {
                var parsed = new ArrayList<FollowUpRule.Variable>();
                variables.lines().map(String::strip).filter(line -> !line.isEmpty()).forEach(line -> {
                    var bar = line.indexOf('|');
                    parsed.add(bar < 0 ? new FollowUpRule.Variable(line, null)
                            : new FollowUpRule.Variable(line.substring(0, bar).strip(), line.substring(bar + 1).strip()));
                });
                var current = sources.get(workspace, leadSourceId).followUp();
                rule = new FollowUpRule(templateName.strip(), language, parsed, delaySeconds,
                        current == null ? null : current.channelId(), current == null ? List.of() : current.agents(),
                        current == null ? null : current.marketingQuestion());
            }
            sources.setFollowUp(workspace, leadSourceId, rule);
        } catch (Refusal problem) {
            if (problem.kind() == Refusal.Kind.NOT_FOUND) {
                throw problem;
            }
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return renderSources(workspace, null, null, problem.getMessage(), model);
        }
        return "redirect:/app/leads/sources";
    }

    @PostMapping("/app/leads/sources/{leadSourceId}/test-lead")
    String testLead(WorkspaceId workspace, @PathVariable UUID leadSourceId, @RequestParam String name,
            @RequestParam String phone, HttpServletResponse response, Model model) throws InterruptedException {
        try {
            testLeads.create(workspace, leadSourceId, null, name, phone, null);
        } catch (Refusal problem) {
            if (problem.kind() == Refusal.Kind.NOT_FOUND) {
                throw problem;
            }
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return renderSources(workspace, null, null, problem.getMessage(), model);
        }
        return "redirect:/app/leads?sourceId=" + leadSourceId;
    }

    private String renderSources(WorkspaceId workspace, LeadSource created, Secret key, String error, Model model) {
        var all = sources.list(workspace);
        model.addAttribute("sources", all);
        model.addAttribute("webhookUrls", all.stream().collect(Collectors.toMap(LeadSource::id, urls::of)));
        model.addAttribute("created", created);
        model.addAttribute("createdKey", key == null ? null : key.reveal());
        model.addAttribute("error", error);
        model.addAttribute("customKeys", settings.allowCustomGoogleKeys());
        return "leads/sources";
    }

    private Map<UUID, String> names(WorkspaceId workspace) {
        var all = new ArrayList<Member>();
        String cursor = null;
        do {
            var page = workspaces.members(workspace, cursor, 100);
            all.addAll(page.items());
            cursor = page.nextCursor();
        } while (cursor != null);
        return all.stream().collect(Collectors.toMap(Member::id, Member::displayName));
    }
}
