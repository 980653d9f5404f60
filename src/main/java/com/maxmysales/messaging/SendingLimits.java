package com.maxmysales.messaging;

import java.time.Clock;

import com.maxmysales.whatsapp.NumberStandingChanged;
import com.maxmysales.whatsapp.SendingHold;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Puts what Meta allows a number onto its send slot, in the webhook's transaction: its rate, and a hold on its
 * lanes. A ban holds every lane; a restriction of business-initiated messaging holds the follow-up and campaign
 * lanes (templates the business starts) while replies and the bot's answers in a customer's window still go.
 */
@Component
class SendingLimits {

    private final Outbox outbox;
    private final DispatchSignal dispatch;
    private final Clock clock;

    SendingLimits(Outbox outbox, DispatchSignal dispatch, Clock clock) {
        this.outbox = outbox;
        this.dispatch = dispatch;
        this.clock = clock;
    }

    @EventListener
    void on(NumberStandingChanged changed) {
        var hold = changed.hold();
        Integer heldFromLane = hold == null ? null
                : hold.scope() == SendingHold.Scope.ALL ? Lane.CONVERSATION.rank() : Lane.FOLLOW_UP.rank();
        outbox.pace(changed.workspaceId(), changed.channelId(), changed.messagesPerSecond(), heldFromLane,
                hold == null ? null : hold.until(), clock.instant());
        // A lifted hold leaves a backlog due at once.
        dispatch.afterCommit();
    }
}
