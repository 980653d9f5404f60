package com.maxmysales.campaigns.web;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.maxmysales.campaigns.Audience;
import com.maxmysales.campaigns.Campaign;
import com.maxmysales.campaigns.CampaignCounts;
import com.maxmysales.campaigns.CampaignRecipient;
import com.maxmysales.campaigns.Campaigns;
import com.maxmysales.campaigns.Exclusion;
import com.maxmysales.campaigns.NewCampaign;
import com.maxmysales.campaigns.Variable;
import com.maxmysales.contacts.ContactImport;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/** The API's shapes of campaigns (the contract's "Templates and campaigns"). */
final class CampaignBodies {

    private CampaignBodies() {
    }

    record TemplateRef(@Nullable String name, @Nullable String language) {}

    record AudienceBody(@Nullable UUID segmentId, @Nullable UUID listId, @Nullable String tag) {
        static AudienceBody of(Audience audience) {
            return switch (audience.kind()) {
                case SEGMENT -> new AudienceBody(UUID.fromString(audience.ref()), null, null);
                case LIST -> new AudienceBody(null, UUID.fromString(audience.ref()), null);
                case TAG -> new AudienceBody(null, null, audience.ref());
            };
        }

        @Nullable Audience audience() {
            var given = (segmentId != null ? 1 : 0) + (listId != null ? 1 : 0) + (tag != null ? 1 : 0);
            if (given != 1) {
                return null;
            }
            return segmentId != null ? new Audience(Audience.Kind.SEGMENT, segmentId.toString())
                    : listId != null ? new Audience(Audience.Kind.LIST, listId.toString())
                    : new Audience(Audience.Kind.TAG, tag);
        }
    }

    record NewCampaignBody(@Nullable String name, @Nullable TemplateRef template, @Nullable AudienceBody audience,
            @Nullable Map<String, Variable> variables, @Nullable String scheduledAt, @Nullable UUID channelId) {
        NewCampaign asked() {
            return new NewCampaign(name, template == null ? null : template.name(),
                    template == null ? null : template.language(), audience == null ? null : audience.audience(),
                    variables, scheduledAt, channelId);
        }
    }

    record Counts(long targeted, long excluded, long queued, long sent, long delivered, long read, long replied,
            long failed, long withdrawn, long optedOut) {
        static Counts of(CampaignCounts c) {
            return new Counts(c.targeted(), c.excluded(), c.queued(), c.sent(), c.delivered(), c.read(), c.replied(),
                    c.failed(), c.withdrawn(), c.optedOut());
        }
    }

    record FailureBody(int code, String meaning, long count) {}

    /**
     * A campaign. {@code exclusions} counts the excluded by reason of the audience read so far;
     * {@code pausedReason} says why the platform paused it by itself; {@code sendingResumesAt}, when the workspace's
     * quiet hours hold a running campaign (or fall on a scheduled one's time), is when its sends go out again.
     */
    record CampaignBody(UUID id, String name, String status, UUID channelId, TemplateRef template, AudienceBody audience,
            Map<String, Variable> variables, @Nullable Instant scheduledAt, @Nullable String pausedReason,
            @Schema(description = "When the workspace's quiet hours hold this campaign: the moment they end and its "
                    + "sends go out; null when nothing holds it there", nullable = true)
            @Nullable Instant sendingResumesAt,
            @Schema(description = "True while the launched campaign's audience is still being read into its "
                    + "recipients, a page at a time, sending as it goes: counts and exclusions grow until it is false")
            boolean readingAudience,
            Instant createdAt, @Nullable Instant launchedAt, @Nullable Instant finishedAt, Counts counts,
            Map<String, Long> exclusions, List<FailureBody> failures, @Nullable AudienceImportBody audienceImport) {
        static CampaignBody of(Campaign campaign, @Nullable Instant sendingResumesAt, CampaignCounts counts,
                Map<Exclusion, Long> exclusions, List<Campaigns.Failure> failures, @Nullable ContactImport audienceImport) {
            return new CampaignBody(campaign.id(), campaign.name(), campaign.status().code(), campaign.channelId(),
                    new TemplateRef(campaign.templateName(), campaign.templateLanguage()),
                    AudienceBody.of(campaign.audience()), campaign.variables(), campaign.scheduledAt(),
                    campaign.pausedReason(), sendingResumesAt, campaign.readingAudience(), campaign.createdAt(),
                    campaign.launchedAt(), campaign.finishedAt(), Counts.of(counts), byCode(exclusions),
                    failures.stream().map(f -> new FailureBody(f.code(), f.meaning(), f.count())).toList(),
                    audienceImport == null ? null : AudienceImportBody.of(audienceImport));
        }
    }

    /**
     * The import of a CSV audience as it goes: {@code status} {@code queued}, {@code running}, {@code completed} or
     * {@code failed}; rows done of all, new and known contacts, refused rows, and where the import API tells each
     * refused row and why ({@code errorReport}) and follows the import itself ({@code importUrl}).
     */
    record AudienceImportBody(UUID id, String fileName, String status, long totalRows, long processedRows,
            long createdRows, long updatedRows, long errorRows, int percent, @Nullable String failure, String errorReport,
            String importUrl) {
        static AudienceImportBody of(ContactImport job) {
            var path = "/api/v1/contacts/imports/" + job.id();
            return new AudienceImportBody(job.id(), job.fileName(), job.status(), job.totalRows(), job.processedRows(),
                    job.createdRows(), job.updatedRows(), job.errorRows(), job.percent(), job.failure(),
                    path + "/errors.csv", path);
        }
    }

    /** A recipient: {@code exclusion} why it gets nothing, {@code errorDetail} its failure's code in words. */
    record RecipientBody(UUID contactId, String status, @Nullable String exclusion, @Nullable Integer errorCode,
            @Nullable String errorDetail, @Nullable UUID messageId, @Nullable Instant queuedAt, @Nullable Instant sentAt,
            @Nullable Instant deliveredAt, @Nullable Instant readAt, @Nullable Instant repliedAt,
            @Nullable Instant failedAt, @Nullable Instant optedOutAt) {
        static RecipientBody of(CampaignRecipient r) {
            return new RecipientBody(r.contactId(), r.status().code(), r.exclusion() == null ? null : r.exclusion().code(),
                    r.errorCode(), r.errorDetail(), r.messageId(), r.queuedAt(), r.sentAt(), r.deliveredAt(), r.readAt(),
                    r.repliedAt(), r.failedAt(), r.optedOutAt());
        }
    }

    record SampleBody(UUID contactId, @Nullable String name, Map<String, String> values) {}

    /** Before launch: how many would get it, the others by reason, and three of them with their values. */
    record PreviewBody(long recipients, long excluded, Map<String, Long> exclusions, List<SampleBody> sample) {
        static PreviewBody of(Campaigns.Preview preview) {
            return new PreviewBody(preview.recipients(), preview.excluded().values().stream().mapToLong(Long::longValue).sum(),
                    byCode(preview.excluded()),
                    preview.sample().stream().map(s -> new SampleBody(s.contactId(), s.name(), s.values())).toList());
        }
    }

    static Map<String, Long> byCode(Map<Exclusion, Long> counts) {
        var byCode = new LinkedHashMap<String, Long>();
        counts.forEach((reason, count) -> byCode.put(reason.code(), count));
        return byCode;
    }
}
