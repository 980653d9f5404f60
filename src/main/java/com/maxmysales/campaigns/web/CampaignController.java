package com.maxmysales.campaigns.web;

import java.io.IOException;
import java.util.UUID;

import com.maxmysales.campaigns.Campaign;
import com.maxmysales.campaigns.CampaignRules;
import com.maxmysales.campaigns.Campaigns;
import com.maxmysales.campaigns.QuietHours;
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
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** Campaigns in the API: write, preview the audience, launch, pause, resume, cancel, and follow per recipient. */
@RequiresPermission(Permission.CAMPAIGNS_MANAGE)
@RestController
@RequestMapping("/api/v1/campaigns")
@Tag(name = "Campaigns", description = "Template broadcasts to a segment, a list or a tag, paced, with a funnel")
class CampaignController {

    private final Campaigns campaigns;
    private final WorkspaceCampaignRules rules;
    private final QuietHours quietHours;
    private final JsonMapper json;

    CampaignController(Campaigns campaigns, WorkspaceCampaignRules rules, QuietHours quietHours, JsonMapper json) {
        this.campaigns = campaigns;
        this.rules = rules;
        this.quietHours = quietHours;
        this.json = json;
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

    /**
     * A draft whose audience is a CSV file: part {@code campaign} is the JSON of the other form without
     * {@code audience}, part {@code file} the CSV, field {@code consentBasis} how these people agreed to marketing.
     * The file goes through the contacts import (its limits, its consent rules, its report of refused rows), which
     * runs after this answers: {@code audienceImport} follows it, and launch is {@code 409 audience-importing} until
     * it has completed.
     */
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Write a campaign to the people of a CSV file (multipart: campaign, file, consentBasis)",
            description = "The file is imported as by POST /api/v1/contacts/imports (streamed, the same size, row and "
                    + "column limits, a phone column found by its header); consentBasis is recorded as the marketing "
                    + "grant of each row whose file gives none. Every imported row is tagged campaign-<8 characters>, "
                    + "the campaign's audience. Follow the import in audienceImport (GET /api/v1/campaigns/{id}); "
                    + "its refused rows and why are at audienceImport.errorReport.")
    @ApiResponse(responseCode = "201", description = "The draft, with audienceImport queued")
    @ApiResponse(responseCode = "400", description = "`invalid-import`, `csv-limit-exceeded`: not a CSV file, over its "
            + "limits, or no phone column; `malformed-request`: the campaign part is not JSON")
    @ApiResponse(responseCode = "413", description = "`content-too-large`: over the upload limit")
    @ApiResponse(responseCode = "422", description = "`invalid-campaign`, `template-not-approved`, `invalid-audience` "
            + "(no file, no consent basis, or an audience in the campaign part as well)")
    @ApiResponse(responseCode = "429", description = "`too-many-open-imports`")
    ResponseEntity<CampaignBody> createWithCsv(WorkspaceId workspace,
            @RequestPart(name = "campaign", required = false) @Nullable String campaign,
            @RequestPart(name = "file", required = false) @Nullable MultipartFile file,
            @RequestParam(name = "consentBasis", required = false) @Nullable String consentBasis) throws IOException {
        var body = parse(campaign);
        if (body.audience() != null) {
            throw new Refusal(Refusal.Kind.UNPROCESSABLE, "invalid-audience", "Invalid audience",
                    "a campaign to a CSV file has the file as its audience: leave audience out of the campaign part");
        }
        if (file == null || file.isEmpty()) {
            throw new Refusal(Refusal.Kind.UNPROCESSABLE, "invalid-audience", "Invalid audience",
                    "part file is the CSV of the campaign's audience, with a header naming its columns");
        }
        try (var in = file.getInputStream()) {
            var created = campaigns.createFromCsv(workspace, body.asked(), file.getOriginalFilename(), in, consentBasis);
            return ResponseEntity.status(HttpStatus.CREATED).body(body(workspace, created));
        }
    }

    private NewCampaignBody parse(@Nullable String campaign) {
        if (campaign == null || campaign.isBlank()) {
            throw new Refusal(Refusal.Kind.UNPROCESSABLE, "invalid-campaign", "Invalid campaign",
                    "part campaign is the campaign as JSON: name, template, variables, scheduledAt, channelId");
        }
        try {
            return json.readValue(campaign, NewCampaignBody.class);
        } catch (JacksonException e) {
            throw Refusal.invalid("malformed-request", "Malformed request",
                    "part campaign is not the JSON of a campaign: " + e.getOriginalMessage());
        }
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
        return CampaignBody.of(campaign, quietHours.sendingResumesAt(campaign), campaigns.counts(workspace, campaign.id()),
                campaigns.exclusions(workspace, campaign.id()), campaigns.failures(workspace, campaign.id()),
                campaigns.audienceImport(workspace, campaign.id()).orElse(null));
    }
}
