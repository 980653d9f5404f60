package com.maxmysales.analytics;

import com.maxmysales.campaigns.CampaignFunnelMoved;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Each campaign's funnel per day: what its recipients newly reached (sent, delivered, read, replied) and its
 * opt-outs, one upsert per campaign the transaction moved.
 * <p>
 * Counted in the transaction that moved the recipient rows, as {@link MessageCounting} counts messages: the event is
 * published just before that transaction commits (the statuses are applied in one go then), so a listener after
 * commit would add an event-publication row and a transaction per batch to the hot path of sending, and a
 * before-commit listener registered that late would never run. No seen-event key is needed: the event carries only
 * what its statement changed (a redelivered status moves nothing and publishes nothing), and a synchronous event is
 * never delivered twice.
 */
@Component
class CampaignCounting {

    private final Aggregates aggregates;
    private final WorkspaceDays days;

    CampaignCounting(Aggregates aggregates, WorkspaceDays days) {
        this.aggregates = aggregates;
        this.days = days;
    }

    @EventListener
    void on(CampaignFunnelMoved moved) {
        var workspace = moved.workspaceId();
        aggregates.campaign(workspace, days.dayOf(workspace, moved.at()), moved.campaignId(), moved.sent(),
                moved.delivered(), moved.read(), moved.replied(), moved.optedOut());
    }
}
