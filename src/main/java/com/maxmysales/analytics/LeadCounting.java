package com.maxmysales.analytics;

import java.time.Duration;

import com.maxmysales.leads.LeadContacted;
import com.maxmysales.leads.LeadReceived;

import org.jspecify.annotations.Nullable;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Leads per source and form by the day they came in, how many of them got a WhatsApp conversation, and how long that
 * took. A lead contacted later is counted on the day it came in, so each day's conversion is that day's leads'.
 */
@Component
class LeadCounting {

    private final Aggregates aggregates;
    private final SeenEvents seen;
    private final WorkspaceDays days;

    LeadCounting(Aggregates aggregates, SeenEvents seen, WorkspaceDays days) {
        this.aggregates = aggregates;
        this.seen = seen;
        this.days = days;
    }

    @ApplicationModuleListener
    void on(LeadReceived lead) {
        var workspace = lead.workspaceId();
        if (seen.first(workspace, "lead:" + lead.leadId(), days.today(workspace))) {
            aggregates.lead(workspace, days.dayOf(workspace, lead.receivedAt()), lead.sourceId(), form(lead.formId()), 1, 0);
        }
    }

    @ApplicationModuleListener
    void on(LeadContacted lead) {
        var workspace = lead.workspaceId();
        if (seen.first(workspace, "lead-contacted:" + lead.leadId(), days.today(workspace))) {
            var day = days.dayOf(workspace, lead.receivedAt());
            aggregates.lead(workspace, day, lead.sourceId(), form(lead.formId()), 0, 1);
            aggregates.leadContact(workspace, day, lead.sourceId(),
                    DurationBuckets.of(Duration.between(lead.receivedAt(), lead.contactedAt())));
        }
    }

    /** Meta's and Google's form ids are numbers; anything else (or none) is form 0. */
    static long form(@Nullable String formId) {
        if (formId == null || !formId.strip().matches("\\d{1,18}")) {
            return 0;
        }
        return Long.parseLong(formId.strip());
    }
}
