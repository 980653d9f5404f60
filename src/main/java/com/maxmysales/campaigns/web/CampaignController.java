package com.maxmysales.campaigns.web;

import java.util.UUID;

import com.maxmysales.campaigns.Campaign;
import com.maxmysales.campaigns.CampaignRules;
import com.maxmysales.campaigns.Campaigns;
import com.maxmysales.campaigns.RecipientStatus;
import com.maxmysales.campaigns.WorkspaceCampaignRules;
import com.maxmysales.campaigns.web.CampaignBodies.CampaignBody;
import com.maxmysales.campaigns.web.CampaignBodies.NewCampaignBody;
import com.maxmysales.campaigns.web.CampaignBodies.PreviewBody;
import com.maxmysales.campaigns.web.CampaignBodies.RecipientBody;
import com.maxmysales.platform.CursorPage;
import com.maxmysales.platform.Refusal;
import com.maxmysales.privacy.audit.PersonalDataRead;
import com.maxmysales.shared.Permission;
import com.maxmysales.shared.RequiresPermission;
import com.maxmysales.shared.WorkspaceId;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Campaigns in the API: write, preview the audience, launch, pause, resume, cancel, and follow per recipient. */
@RequiresPermission(Permission.CAMPAIGNS_MANAGE)
@RestController
@RequestMapping("/api/v1/campaigns")
@Tag(name = "Campaigns", description = "Template broadcasts to a segment, a list or a tag, paced, with a funnel")
class CampaignController {

    private final Campaigns campaigns;
    private final WorkspaceCampaignRules rules;

    CampaignController(Campaigns campaigns, WorkspaceCampaignRules rules) {
        this.campaigns = campaigns;
        this.rules = rules;
    }

    /**
     * A draft: the template must be approved at Meta ({@code 422 template-not-approved}), the audience must exist
     * ({@code 422 invalid-audience}), each of the body's variables needs a source ({@code 422 invalid-campaign}).
     * With an {@code Idempotency-Key}, a retry answers the first campaign.
     */
    @PostMapping
    @Operation(summary = "Write a campaign (a draft until launched)")
    ResponseEntity<CampaignBody> create(WorkspaceId workspace, @RequestBody NewCampaignBody body) {
        var created = campaigns.create(workspace, body.asked());
        return ResponseEntity.status(HttpStatus.CREATED).body(body(workspace, created));
    }

    @GetMapping
    @Operation(summary = "Campaigns, newest first")
    CursorPage<CampaignBody> list(WorkspaceId workspace, @RequestParam(required = false) String cursor,
            @RequestParam(required = false) Integer limit) {
        return campaigns.list(workspace, cursor, limit).map(campaign -> body(workspace, campaign));
    }

    @GetMapping("/{id}")
    @Operation(summary = "A campaign with its counts, exclusions by reason and failures by code")
    CampaignBody get(WorkspaceId workspace, @PathVariable UUID id) {
        return body(workspace, campaigns.get(workspace, id));
    }

    @GetMapping("/{id}/preview")
    @PersonalDataRead("campaign.preview")
    @Operation(summary = "Who would get it now and who would not, and why, with three recipients' values")
    PreviewBody preview(WorkspaceId workspace, @PathVariable UUID id) {
        return PreviewBody.of(campaigns.preview(workspace, id));
    }

    @PostMapping("/{id}/launch")
    @Operation(summary = "Start it now, or at its scheduledAt")
    CampaignBody launch(WorkspaceId workspace, @PathVariable UUID id) {
        return body(workspace, campaigns.launch(workspace, id));
    }

    @PostMapping("/{id}/pause")
    @Operation(summary = "Stop feeding it and take back what waits in the outbox")
    CampaignBody pause(WorkspaceId workspace, @PathVariable UUID id) {
        return body(workspace, campaigns.pause(workspace, id));
    }

    @PostMapping("/{id}/resume")
    @Operation(summary = "Feed it again")
    CampaignBody resume(WorkspaceId workspace, @PathVariable UUID id) {
        return body(workspace, campaigns.resume(workspace, id));
    }

    @PostMapping("/{id}/cancel")
    @Operation(summary = "End it: nobody else gets it")
    CampaignBody cancel(WorkspaceId workspace, @PathVariable UUID id) {
        return body(workspace, campaigns.cancel(workspace, id));
    }

    @GetMapping("/{id}/recipients")
    @PersonalDataRead("campaign.recipients")
    @Operation(summary = "Per recipient: status, exclusion, error code in words, message (cursor pages)")
    CursorPage<RecipientBody> recipients(WorkspaceId workspace, @PathVariable UUID id,
            @RequestParam(required = false) String status, @RequestParam(required = false) String cursor,
            @RequestParam(required = false) Integer limit) {
        var parsed = status == null || status.isBlank() ? null : RecipientStatus.fromCode(status).orElseThrow(() ->
                new Refusal(Refusal.Kind.UNPROCESSABLE, "invalid-status", "Invalid status", "status must be one of "
                        + java.util.Arrays.stream(RecipientStatus.values()).map(RecipientStatus::code).toList()));
        return campaigns.recipients(workspace, id, parsed, cursor, limit).map(RecipientBody::of);
    }

    /** The workspace's quiet hours (local times), frequency cap and reply window. */
    record RulesBody(@Nullable String quietStart, @Nullable String quietEnd, @Nullable Integer frequencyCap,
            @Nullable Integer frequencyDays, @Nullable Integer replyWindowHours) {
        static RulesBody of(CampaignRules rules) {
            return new RulesBody(rules.quietStart().toString(), rules.quietEnd().toString(), rules.frequencyCap(),
                    rules.frequencyDays(), rules.replyWindowHours());
        }
    }

    @GetMapping("/settings")
    @Operation(summary = "The workspace's campaign rules")
    RulesBody settings(WorkspaceId workspace) {
        return RulesBody.of(rules.of(workspace));
    }

    @PutMapping("/settings")
    @Operation(summary = "Change the workspace's campaign rules (a field left out keeps its value)")
    RulesBody changeSettings(WorkspaceId workspace, @RequestBody RulesBody body) {
        var current = rules.of(workspace);
        try {
            return RulesBody.of(rules.change(workspace, new CampaignRules(
                    body.quietStart() == null ? current.quietStart() : java.time.LocalTime.parse(body.quietStart()),
                    body.quietEnd() == null ? current.quietEnd() : java.time.LocalTime.parse(body.quietEnd()),
                    body.frequencyCap() == null ? current.frequencyCap() : body.frequencyCap(),
                    body.frequencyDays() == null ? current.frequencyDays() : body.frequencyDays(),
                    body.replyWindowHours() == null ? current.replyWindowHours() : body.replyWindowHours())));
        } catch (java.time.format.DateTimeParseException e) {
            throw new Refusal(Refusal.Kind.UNPROCESSABLE, "invalid-campaign-settings", "Invalid campaign settings",
                    "quietStart and quietEnd are times of day such as 21:00");
        }
    }

    private CampaignBody body(WorkspaceId workspace, Campaign campaign) {
        return CampaignBody.of(campaign, campaigns.counts(workspace, campaign.id()),
                campaigns.exclusions(workspace, campaign.id()), campaigns.failures(workspace, campaign.id()));
    }
}
