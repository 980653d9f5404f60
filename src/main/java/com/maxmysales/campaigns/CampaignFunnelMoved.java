package com.maxmysales.campaigns;

import java.time.Instant;
import java.util.UUID;

import com.maxmysales.shared.WorkspaceId;

/**
 * A campaign's funnel moved: how many of its recipients newly reached each step, in the transaction that moved them
 * (published synchronously, before it commits). A recipient counts at every step up to the furthest it reached, as
 * {@link CampaignCounts} does: a reply without any receipt moves sent, delivered, read and replied by one each. A
 * status or reply that moved nothing (a redelivery) publishes nothing, so the sums of these events are the
 * campaign's own counts. For counting only: no contact, no message.
 */
public record CampaignFunnelMoved(WorkspaceId workspaceId, UUID campaignId, long sent, long delivered, long read,
        long replied, long optedOut, Instant at) {

    CampaignFunnelMoved plus(CampaignFunnelMoved other) {
        return new CampaignFunnelMoved(workspaceId, campaignId, sent + other.sent, delivered + other.delivered,
                read + other.read, replied + other.replied, optedOut + other.optedOut,
                at.isAfter(other.at) ? at : other.at);
    }
}
