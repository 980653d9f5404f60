package com.maxmysales.campaigns.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.maxmysales.campaigns.Campaign;
import com.maxmysales.campaigns.CampaignCounts;

import org.jspecify.annotations.Nullable;

/**
 * A campaign as its pages show it: counts, progress and the funnel's rates.
 *
 * @param sendingResumesAt when the workspace's quiet hours hold it: the moment its sends go out
 * @param readingAudience launched and its audience still being read: the counts are of the pages read so far
 */
public record CampaignView(UUID id, String name, String status, String template, @Nullable Instant scheduledAt,
        @Nullable String pausedReason, @Nullable Instant sendingResumesAt, boolean readingAudience, Instant createdAt,
        CampaignCounts counts) {

    static CampaignView of(Campaign campaign, @Nullable Instant sendingResumesAt, CampaignCounts counts) {
        return new CampaignView(campaign.id(), campaign.name(), campaign.status().code(),
                campaign.templateName() + " (" + campaign.templateLanguage() + ")", campaign.scheduledAt(),
                campaign.pausedReason(), sendingResumesAt, campaign.readingAudience(), campaign.createdAt(), counts);
    }

    /** Settled recipients out of the targeted, 0 to 100. */
    public int percent() {
        return counts.targeted() == 0 ? 0 : (int) (100 * counts.done() / counts.targeted());
    }

    /** Still something to stop: a cancel makes sense (not after it completed or was cancelled). */
    public boolean changeable() {
        return "draft".equals(status) || "scheduled".equals(status) || "running".equals(status) || "paused".equals(status);
    }

    public boolean live() {
        return "running".equals(status) || "scheduled".equals(status);
    }

    /** One step of the funnel: its count and its rate of the step before (of the targeted for the first). */
    public record Step(String id, String label, long count, String rate) {}

    public List<Step> funnel() {
        return List.of(new Step("targeted", "Targeted", counts.targeted(), ""),
                new Step("sent", "Sent", counts.sent(), rate(counts.sent(), counts.targeted())),
                new Step("delivered", "Delivered", counts.delivered(), rate(counts.delivered(), counts.sent())),
                new Step("read", "Read", counts.read(), rate(counts.read(), counts.delivered())),
                new Step("replied", "Replied", counts.replied(), rate(counts.replied(), counts.read())));
    }

    public String stopRate() {
        return rate(counts.optedOut(), counts.sent());
    }

    private static String rate(long part, long whole) {
        return whole == 0 ? "–" : String.format(java.util.Locale.ROOT, "%.1f%%", 100.0 * part / whole);
    }
}
