package com.maxmysales.analytics;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Forgets the working keys once they have done their job: seen events after a week, clocks nobody stopped. */
@Component
class AnalyticsSweep {

    private static final Logger log = LoggerFactory.getLogger(AnalyticsSweep.class);

    private final SeenEvents seen;
    private final Clocks clocks;
    private final Aggregates aggregates;
    private final WorkspaceDays days;
    private final AnalyticsSettings settings;
    private final Clock clock;

    AnalyticsSweep(SeenEvents seen, Clocks clocks, Aggregates aggregates, WorkspaceDays days, AnalyticsSettings settings,
            Clock clock) {
        this.seen = seen;
        this.clocks = clocks;
        this.aggregates = aggregates;
        this.days = days;
        this.settings = settings;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${maxmysales.analytics.sweep-interval:PT1H}", initialDelayString = "PT1M")
    void sweep() {
        var now = clock.instant();
        // Days in UTC here: a day either way of the workspace's own does not matter for a week's retention.
        var forgotten = seen.forgetBefore(now.minus(settings.dedupRetention()).atZone(java.time.ZoneOffset.UTC).toLocalDate());
        var expired = clocks.expireBefore(now.minus(settings.clockExpiry()));
        // A conversation whose clock expired leaves the backlog: the open count, carried from change to change, is
        // counted afresh.
        expired.backlogChanged().forEach(workspace -> aggregates.recountBacklog(workspace, days.today(workspace)));
        if (forgotten + expired.clocks() > 0) {
            log.debug("Analytics forgot {} event key(s) and {} stale clock(s)", forgotten, expired.clocks());
        }
    }
}
