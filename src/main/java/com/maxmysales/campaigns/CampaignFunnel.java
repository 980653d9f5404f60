package com.maxmysales.campaigns;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.maxmysales.shared.WorkspaceId;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Moves recipients along the funnel and says what moved ({@link CampaignFunnelMoved}, one per campaign touched), in
 * the transaction that moved them: a listener counting the events then always agrees with the recipient rows. The
 * counts come back from the statement that moved the rows, so telling costs no statement of its own.
 */
@Component
class CampaignFunnel {

    private final RecipientRows recipients;
    private final ApplicationEventPublisher events;

    CampaignFunnel(RecipientRows recipients, ApplicationEventPublisher events) {
        this.recipients = recipients;
        this.events = events;
    }

    void statuses(List<RecipientRows.StatusChange> changes) {
        recipients.applyStatuses(changes).forEach(events::publishEvent);
    }

    /** @return the campaign message this reply answers, when it is the first reply to it */
    Optional<UUID> replied(WorkspaceId workspace, UUID contact, Instant since, Instant at) {
        return recipients.replied(workspace, contact, since, at).map(reply -> {
            events.publishEvent(reply.moved());
            return reply.message();
        });
    }

    void optedOut(WorkspaceId workspace, UUID contact, Instant since, Instant at) {
        recipients.optedOut(workspace, contact, since, at).forEach(events::publishEvent);
    }
}
