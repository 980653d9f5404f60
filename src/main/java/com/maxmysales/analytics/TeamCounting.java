package com.maxmysales.analytics;

import java.time.Clock;
import java.time.Duration;

import com.maxmysales.analytics.Aggregates.TeamMetric;
import com.maxmysales.inbox.AgentReplied;
import com.maxmysales.inbox.ConversationResolved;
import com.maxmysales.messaging.MessageReceived;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * The team's first-response and resolution times, per agent and day, and the backlog. A customer's message to a
 * conversation that is not open starts two clocks (until the first answer, until resolved); the agent who answers
 * first stops the one, resolving stops the other, and only the duration's bucket is kept. Starting and stopping a
 * clock happen once whatever the redeliveries: a running clock is not started again, a stopped one not stopped.
 */
@Component
class TeamCounting {

    private final Aggregates aggregates;
    private final Clocks clocks;
    private final WorkspaceDays days;
    private final Clock clock;

    TeamCounting(Aggregates aggregates, Clocks clocks, WorkspaceDays days, Clock clock) {
        this.aggregates = aggregates;
        this.clocks = clocks;
        this.days = days;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(MessageReceived received) {
        var workspace = received.workspaceId();
        var now = clock.instant();
        if (clocks.start(workspace, received.conversationId(), Clocks.Kind.RESOLUTION, now)) {
            clocks.start(workspace, received.conversationId(), Clocks.Kind.RESPONSE, now);
            aggregates.backlog(workspace, days.dayOf(workspace, now), 1, 0);
        }
    }

    @ApplicationModuleListener
    void on(AgentReplied replied) {
        var workspace = replied.workspaceId();
        var now = clock.instant();
        clocks.stop(workspace, replied.conversationId(), Clocks.Kind.RESPONSE).ifPresent(started -> aggregates.team(
                workspace, days.dayOf(workspace, now), replied.agentId(), TeamMetric.FIRST_RESPONSE,
                DurationBuckets.of(Duration.between(started, now))));
    }

    @ApplicationModuleListener
    void on(ConversationResolved resolved) {
        var workspace = resolved.workspaceId();
        var now = clock.instant();
        var day = days.dayOf(workspace, now);
        clocks.stop(workspace, resolved.conversationId(), Clocks.Kind.RESPONSE);
        clocks.stop(workspace, resolved.conversationId(), Clocks.Kind.RESOLUTION).ifPresent(started -> {
            var agent = resolved.assigneeId() == null ? Aggregates.NONE : resolved.assigneeId();
            aggregates.team(workspace, day, agent, TeamMetric.RESOLUTION,
                    DurationBuckets.of(Duration.between(started, now)));
            aggregates.backlog(workspace, day, 0, 1);
        });
    }
}
