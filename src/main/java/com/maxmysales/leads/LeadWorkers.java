package com.maxmysales.leads;

import java.time.Clock;
import java.time.Duration;

import com.maxmysales.platform.PollingWorkers;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Takes leads in on every node: reads Meta leads, matches them to contacts, sends follow-ups that are due.
 * Each lead is leased while one worker handles it, so nodes share the work and a dead node's leads come back.
 */
@Component
class LeadWorkers extends PollingWorkers {

    private static final Logger log = LoggerFactory.getLogger(LeadWorkers.class);
    private static final long IDLE_WAIT_MILLIS = 1000;
    private static final int BATCH = 20;
    private static final Duration LEASE = Duration.ofMinutes(2);

    private final LeadRows rows;
    private final MetaLeadReader reader;
    private final LeadConversion conversion;
    private final FollowUps followUps;
    private final Clock clock;

    LeadWorkers(LeadsSettings settings, LeadSignal signal, LeadRows rows, MetaLeadReader reader,
            LeadConversion conversion, FollowUps followUps, Clock clock) {
        super("lead-worker", settings.workers(), IDLE_WAIT_MILLIS, signal);
        this.rows = rows;
        this.reader = reader;
        this.conversion = conversion;
        this.followUps = followUps;
        this.clock = clock;
    }

    @Override
    protected int work() throws InterruptedException {
        var now = clock.instant();
        var claimed = rows.claim(now, now.plus(LEASE), BATCH);
        for (var lead : claimed) {
            try {
                // Each step's own update ends the lease, so a lead costs no extra commit to release.
                handle(lead);
            } catch (RuntimeException e) {
                log.error("Lead {} could not be handled; it is retried when its lease ends", lead.id(), e);
            }
        }
        return claimed.size();
    }

    private void handle(LeadRows.Claimed claimed) throws InterruptedException {
        var lead = rows.find(claimed.workspace(), claimed.id()).orElseThrow();
        if ("fetching".equals(lead.stage())) {
            reader.read(lead);
            lead = rows.find(claimed.workspace(), claimed.id()).orElseThrow();
        }
        if ("received".equals(lead.stage())) {
            conversion.convert(lead);
            lead = rows.find(claimed.workspace(), claimed.id()).orElseThrow();
        }
        if ("pending".equals(lead.followUp()) && !lead.followUpDueAt().isAfter(clock.instant())) {
            followUps.send(lead);
        }
    }
}
