package com.maxmysales.analytics;

import com.maxmysales.optout.EmailOptOutProcessed;
import com.maxmysales.optout.OptOutRecorded;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Opt-outs per day by channel, and "Unsubscribe" emails processed, within their deadline or not. */
@Component
class OptOutCounting {

    private final Aggregates aggregates;
    private final SeenEvents seen;
    private final WorkspaceDays days;

    OptOutCounting(Aggregates aggregates, SeenEvents seen, WorkspaceDays days) {
        this.aggregates = aggregates;
        this.seen = seen;
        this.days = days;
    }

    @ApplicationModuleListener
    void on(OptOutRecorded optOut) {
        var workspace = optOut.workspaceId();
        if (seen.first(workspace, "optout:" + optOut.key(), days.today(workspace))) {
            aggregates.optOut(workspace, days.dayOf(workspace, optOut.at()), optOut.channel().code());
        }
    }

    @ApplicationModuleListener
    void on(EmailOptOutProcessed processed) {
        var workspace = processed.workspaceId();
        if (seen.first(workspace, "email-request:" + processed.key(), days.today(workspace))) {
            aggregates.emailRequest(workspace, days.dayOf(workspace, processed.processedAt()),
                    !processed.processedAt().isAfter(processed.dueAt()));
        }
    }
}
