package com.maxmysales.inbox;

import java.time.Clock;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Opens snoozed conversations whose time came; on every node, harmlessly: the update takes each row once. */
@Component
class SnoozeAlarm {

    private final InboxRows rows;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SnoozeAlarm(InboxRows rows, ApplicationEventPublisher events, Clock clock) {
        this.rows = rows;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    @Scheduled(fixedDelayString = "${maxmysales.inbox.snooze-check-interval:PT30S}", initialDelayString = "PT15S")
    int wake() {
        var woken = rows.wakeSnoozed(clock.instant());
        woken.forEach(row -> events.publishEvent(new ConversationUpdated(row.workspace(), row.conversation())));
        return woken.size();
    }
}
