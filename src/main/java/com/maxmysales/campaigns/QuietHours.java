package com.maxmysales.campaigns;

import java.time.Clock;
import java.time.Instant;

import com.maxmysales.shared.WorkspaceId;
import com.maxmysales.tenancy.WorkspaceManagement;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * A workspace's quiet hours as the engine keeps them and as people are told of them: whether a moment falls within
 * them, and when a campaign they hold sends its first message. The engine and the pages ask the same question, so
 * what a page says is what the engine does.
 */
@Service
public class QuietHours {

    private final WorkspaceCampaignRules rules;
    private final WorkspaceManagement workspaces;
    private final Clock clock;

    QuietHours(WorkspaceCampaignRules rules, WorkspaceManagement workspaces, Clock clock) {
        this.rules = rules;
        this.workspaces = workspaces;
        this.clock = clock;
    }

    /** When the quiet hours holding at this moment end, in the workspace's time zone; null when they do not hold. */
    public @Nullable Instant endAfter(WorkspaceId workspace, Instant at) {
        var zone = workspaces.get(workspace).timeZone();
        var workspaceRules = rules.of(workspace);
        return workspaceRules.quietAt(at, zone) ? workspaceRules.quietEndsAfter(at, zone) : null;
    }

    /** {@link #endAfter} now: whether a campaign launched at once would wait, and until when. */
    public @Nullable Instant endAfterNow(WorkspaceId workspace) {
        return endAfter(workspace, clock.instant());
    }

    /** When quiet hours would hold a draft launched now (at its scheduled time, if it has one): until then; else null. */
    public @Nullable Instant launchWaitsUntil(Campaign draft) {
        return draft.scheduledAt() == null ? endAfterNow(draft.workspaceId()) : endAfter(draft.workspaceId(), draft.scheduledAt());
    }

    /**
     * When a campaign that quiet hours hold sends its first messages: a running one held now, or a scheduled one whose
     * time falls within them. Null when nothing holds it there (a draft, a paused or an ended campaign, or outside
     * quiet hours), so a page or the API says "waiting" only of a campaign that waits for the morning.
     */
    public @Nullable Instant sendingResumesAt(Campaign campaign) {
        return switch (campaign.status()) {
            case RUNNING -> endAfterNow(campaign.workspaceId());
            case SCHEDULED -> campaign.scheduledAt() == null ? null : endAfter(campaign.workspaceId(), campaign.scheduledAt());
            default -> null;
        };
    }
}
